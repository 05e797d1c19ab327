import { isBusyMessage } from '../../src/sidebar/busy';

it('recognises the lock-busy answer and nothing else', () => {
  expect(isBusyMessage('Another save is in progress; nothing was saved. Please try Save again.')).toBe(true);
  expect(isBusyMessage('Lock timeout: another process was holding the lock for too long.')).toBe(true);
  expect(isBusyMessage('Unknown client: C9. Nothing was saved.')).toBe(false);
  expect(isBusyMessage('The date 2025-02-30 is not a date.')).toBe(false);
});
