/** Sessions written as letters, one per week: P present, L late, E excused, U unexcused, R refused, C cancelled. */
import { addDays } from '../../src/core/dates';
import type { TrendSession } from '../../src/core/trend';
import type { Status } from '../../src/core/types';

export const CODE_STATUS: Readonly<Record<string, Status>> = {
  P: 'present',
  L: 'late',
  E: 'excused',
  U: 'unexcused',
  R: 'refused',
  C: 'cancelled',
};

/** 'PPEU' → four weekly sessions from Monday 2026-01-05 (spaces are ignored, for readability). */
export function weekly(codes: string, start = '2026-01-05'): TrendSession[] {
  return [...codes.replace(/\s/g, '')].map((code, i) => ({ date: addDays(start, 7 * i), status: CODE_STATUS[code] }));
}
