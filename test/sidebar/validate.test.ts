import { emptyMarks, pickStatus, setNote } from '../../src/sidebar/marks';
import { checkForm, futureDateNote, type FormRow } from '../../src/sidebar/validate';

const row = (clientId: string, name: string, status: 'present' | 'excused' | null, note = ''): FormRow => {
  const marks = status ? pickStatus(emptyMarks(), status) : emptyMarks();
  return { clientId, name, marks: setNote(marks, note) };
};

it('names the unmarked clients and points at the first', () => {
  const rows = [row('a', 'Ana', null), row('b', 'Ben', 'present'), row('c', 'Cleo', null)];
  expect(checkForm('2026-11-27', rows, 500)).toEqual({ message: 'Mark 2 more clients: Ana, Cleo', clientId: 'a' });
  expect(checkForm('2026-11-27', [row('c', 'Cleo', null)], 500)?.message).toBe('Mark 1 more client: Cleo');
});

it('shortens a long list of unmarked names', () => {
  const rows = 'ABCDEFG'.split('').map((n) => row(n, n, null));
  expect(checkForm('2026-11-27', rows, 500)?.message).toBe('Mark 7 more clients: A, B, C, D, E and 2 more');
});

it('wants a date and at least one client', () => {
  expect(checkForm('', [row('a', 'Ana', 'present')], 500)).toEqual({
    message: 'Choose the session date.',
    clientId: null,
  });
  expect(checkForm('2026-11-27', [], 500)?.message).toBe('Choose at least one client for this session.');
});

it('refuses a note over the limit, naming whose', () => {
  const rows = [row('a', 'Ana', 'present'), row('b', 'Ben', 'excused', 'x'.repeat(11))];
  expect(checkForm('2026-11-27', rows, 10)).toEqual({
    message: 'The note for Ben is longer than 10 characters.',
    clientId: 'b',
  });
  expect(checkForm('2026-11-27', rows, 11)).toBeNull();
});

it('notes a date after today without refusing it', () => {
  expect(futureDateNote('2026-11-28', '2026-11-27', '27 Nov')).toBe('This date is after today (27 Nov). Is it right?');
  expect(futureDateNote('2027-01-01', '2026-12-31', '31 Dec')).not.toBeNull();
  expect(futureDateNote('2026-11-27', '2026-11-27', '27 Nov')).toBeNull();
  expect(futureDateNote('2025-11-30', '2026-11-27', '27 Nov')).toBeNull();
  expect(futureDateNote('', '2026-11-27', '27 Nov')).toBeNull();
});
