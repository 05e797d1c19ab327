/** Starting states the torture suites share, built through the endpoints as a therapist would. */
import type { SaveSessionResult } from '../../src/core/types';
import type { OfflineEnvironment } from '../../src/runtime';
import { newRequestId, practice, session } from '../server/fixtures';

/**
 * A practice with a record, a Patterns tab and one correction already made: Amy (C001, corrected
 * to late), Ben (C002, excused, follow-up asked) and Cleo (C003) on 2025-03-03.
 */
export function warmPractice(): OfflineEnvironment {
  const env = practice() as OfflineEnvironment;
  const first = env.run<SaveSessionResult>(
    'saveSession',
    session(
      ['C001', 'C002', 'C003'],
      { C002: { status: 'excused', reason: 'illness', followUp: true } },
      { date: '2025-03-03' },
    ),
  );
  env.run('correctEntry', { requestId: newRequestId(), entryId: first.entryIds[0], status: 'late' });
  return env;
}
