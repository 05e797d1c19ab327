import { followUpText, lastEntryText, shortDate, statusWord, trendLabel } from '../../src/sidebar/format';

describe('shortDate', () => {
  it('drops the current year and keeps others', () => {
    expect(shortDate('2026-11-12', '2026-11-27')).toBe('12 Nov');
    expect(shortDate('2025-01-05', '2026-11-27')).toBe('5 Jan 2025');
  });

  it('reads the digits, never a Date in the browser’s zone', () => {
    expect(shortDate('2026-03-29', '2026-12-01')).toBe('29 Mar'); // a DST change day in Europe
    expect(shortDate('2026-12-31', '2026-01-01')).toBe('31 Dec');
  });

  it('leaves anything that is not YYYY-MM-DD as it is', () => {
    expect(shortDate('yesterday', '2026-11-27')).toBe('yesterday');
    expect(shortDate('2026-13-01', '2026-11-27')).toBe('2026-13-01');
  });
});

it('writes the last entry and a follow-up as the therapist reads them', () => {
  expect(lastEntryText({ entryId: 'e', date: '2026-11-12', status: 'excused', reason: 'illness' }, '2026-11-27')).toBe(
    'last: 12 Nov — excused, illness',
  );
  expect(lastEntryText({ entryId: 'e', date: '2026-11-12', status: 'present', reason: '' }, '2026-11-27')).toBe(
    'last: 12 Nov — present',
  );
  const followUp = {
    entryId: 'e',
    clientId: 'c',
    date: '2026-11-12',
    status: 'unexcused' as const,
    reason: 'illness',
    note: '',
  };
  expect(followUpText(followUp, '2026-11-27')).toBe('missed 12 Nov — illness; follow up');
  expect(followUpText({ ...followUp, status: 'refused', reason: '' }, '2026-11-27')).toBe('refused 12 Nov; follow up');
});

it('names statuses and trend levels', () => {
  expect(statusWord('unexcused')).toBe('unexcused');
  expect(statusWord('withdrawn')).toBe('withdrawn');
  expect(statusWord('something new')).toBe('something new');
  expect(['urgent', 'rising', 'watch', 'insufficient', 'none'].map((l) => trendLabel(l as never))).toEqual([
    'Urgent',
    'Rising',
    'Watch',
    'Not enough data',
    '',
  ]);
});
