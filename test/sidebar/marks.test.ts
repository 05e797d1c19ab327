import {
  asksForDetails,
  emptyMarks,
  impliedStatus,
  pickReason,
  pickStatus,
  setFollowUp,
  setNotice,
  type Marks,
} from '../../src/sidebar/marks';

const start = (patch: Partial<Marks> = {}): Marks => ({ ...emptyMarks(), ...patch });

describe('reason → status defaults', () => {
  it.each([
    ['planned break', 'cancelled'],
    ['facility event', 'cancelled'],
    ['illness', 'excused'],
    ['medical appointment', 'excused'],
    ['hospitalised', 'excused'],
    ['declined', 'refused'],
    ['Illness ', 'excused'],
  ])('%s implies %s', (reason, status) => {
    expect(impliedStatus(reason)).toBe(status);
  });

  it.each(['transport', 'unknown', 'other', '', 'a reason the practice added'])('%s implies nothing', (reason) => {
    expect(impliedStatus(reason)).toBeNull();
  });

  it('sets the status of an unmarked client', () => {
    expect(pickReason(start(), 'illness').status).toBe('excused');
  });

  it('replaces a status chosen before the reason when the reason contradicts it', () => {
    const tapped = pickStatus(start(), 'unexcused');
    const next = pickReason(tapped, 'planned break');
    expect(next.status).toBe('cancelled');
    expect(next.reason).toBe('planned break');
  });

  it('leaves the status alone for a reason that implies nothing', () => {
    expect(pickReason(pickStatus(start(), 'refused'), 'transport').status).toBe('refused');
  });

  it('never overrides a status the therapist picked after choosing a reason', () => {
    let m = pickReason(pickStatus(start(), 'excused'), 'planned break'); // → cancelled by the reason
    m = pickStatus(m, 'unexcused'); // the therapist disagrees
    expect(m.statusLocked).toBe(true);
    expect(pickReason(m, 'illness').status).toBe('unexcused');
    expect(setNotice(m, true).status).toBe('unexcused');
  });
});

describe('notice given', () => {
  it('turns a no-show with notice into excused', () => {
    expect(setNotice(pickStatus(start(), 'unexcused'), true).status).toBe('excused');
  });

  it('turns excused without notice into unexcused unless the reason excuses it', () => {
    const excused = setNotice(pickStatus(start(), 'unexcused'), true);
    expect(setNotice(excused, false).status).toBe('unexcused');
    const ill = pickReason(pickStatus(start(), 'excused'), 'illness');
    expect(setNotice(setNotice(ill, true), false).status).toBe('excused');
  });

  it('does not touch refused or cancelled', () => {
    expect(setNotice(pickStatus(start(), 'refused'), true).status).toBe('refused');
    expect(setNotice(pickStatus(start(), 'cancelled'), false).status).toBe('cancelled');
  });
});

describe('follow up', () => {
  it('defaults on for unexcused and off for other statuses', () => {
    expect(pickStatus(start(), 'unexcused').followUp).toBe(true);
    expect(pickStatus(pickStatus(start(), 'unexcused'), 'excused').followUp).toBe(false);
    expect(setNotice(pickStatus(start(), 'unexcused'), true).followUp).toBe(false);
  });

  it('keeps the therapist’s own choice whatever the status becomes', () => {
    const chosen = setFollowUp(pickStatus(start(), 'excused'), true);
    expect(pickStatus(chosen, 'present').followUp).toBe(true);
    const off = setFollowUp(pickStatus(start(), 'unexcused'), false);
    expect(pickStatus(pickStatus(off, 'present'), 'unexcused').followUp).toBe(false);
  });
});

it('asks for details for missed and cancelled sessions only', () => {
  expect(
    ['present', 'late', 'excused', 'unexcused', 'refused', 'cancelled'].map((s) => asksForDetails(s as never)),
  ).toEqual([false, false, true, true, true, true]);
  expect(asksForDetails(null)).toBe(false);
});
