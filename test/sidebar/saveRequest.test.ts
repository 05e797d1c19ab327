import { emptyMarks, pickReason, pickStatus, setNote, setNotice } from '../../src/sidebar/marks';
import { attendanceInput, saveRequest } from '../../src/sidebar/saveRequest';

it('sends details only for missed and cancelled sessions', () => {
  const typedThenPresent = pickStatus(
    setNote(pickReason(pickStatus(emptyMarks(), 'excused'), 'illness'), 'flu'),
    'present',
  );
  expect(attendanceInput('a', typedThenPresent)).toEqual({ clientId: 'a', status: 'present' });
  const missed = setNote(
    setNotice(pickReason(pickStatus(emptyMarks(), 'unexcused'), 'transport'), true),
    '  bus strike ',
  );
  expect(attendanceInput('b', missed)).toEqual({
    clientId: 'b',
    status: 'excused',
    reason: 'transport',
    notice: true,
    note: 'bus strike',
    followUp: false,
  });
  expect(attendanceInput('c', pickStatus(emptyMarks(), 'unexcused'))).toEqual({
    clientId: 'c',
    status: 'unexcused',
    notice: false,
    followUp: true,
  });
});

it('refuses to build a line for an unmarked client', () => {
  expect(() => attendanceInput('a', emptyMarks())).toThrow('not marked');
});

it('builds one request for the whole session, with the group only when there is one', () => {
  const rows = [{ clientId: 'a', name: 'Ana', marks: pickStatus(emptyMarks(), 'late') }];
  expect(saveRequest('r-1', '2026-11-27', 'Tuesday', rows)).toEqual({
    requestId: 'r-1',
    date: '2026-11-27',
    group: 'Tuesday',
    attendance: [{ clientId: 'a', status: 'late' }],
  });
  expect(saveRequest('r-1', '2026-11-27', null, rows)).not.toHaveProperty('group');
});
