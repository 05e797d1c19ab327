/** The checks the sidebar makes before it calls saveSession, so the therapist hears at once what is missing. */
import { isIsoDate } from '../core/dates';
import { MINUTES_ATTENDED, numberSettingProblem } from '../core/settingsRules';
import { asksForMinutes, type Marks } from './marks';

export interface FormRow {
  clientId: string;
  name: string;
  marks: Marks;
}

export interface FormProblem {
  message: string;
  /** The client whose row should take focus, when the problem is in a row. */
  clientId: string | null;
}

function names(rows: readonly FormRow[]): string {
  const shown = rows
    .slice(0, 5)
    .map((r) => r.name)
    .join(', ');
  return rows.length > 5 ? `${shown} and ${rows.length - 5} more` : shown;
}

/** The first problem of the form, or null when it can be sent. */
export function checkForm(date: string, rows: readonly FormRow[], maxNoteLength: number): FormProblem | null {
  if (!isIsoDate(date)) return { message: 'Choose the session date.', clientId: null };
  if (rows.length === 0) return { message: 'Choose at least one client for this session.', clientId: null };
  const unmarked = rows.filter((r) => r.marks.status === null);
  if (unmarked.length > 0) {
    const noun = unmarked.length === 1 ? 'client' : 'clients';
    return { message: `Mark ${unmarked.length} more ${noun}: ${names(unmarked)}`, clientId: unmarked[0].clientId };
  }
  const badMinutes = rows.find(
    (r) =>
      asksForMinutes(r.marks.status) &&
      r.marks.minutes.trim() !== '' &&
      numberSettingProblem(MINUTES_ATTENDED, Number(r.marks.minutes.trim())) !== null,
  );
  if (badMinutes) {
    const problem = numberSettingProblem(MINUTES_ATTENDED, NaN) as string;
    return { message: `${problem.replace(/\.$/, '')} (${badMinutes.name}).`, clientId: badMinutes.clientId };
  }
  const long = rows.find((r) => r.marks.note.length > maxNoteLength);
  if (long) {
    return {
      message: `The note for ${long.name} is longer than ${maxNoteLength} characters.`,
      clientId: long.clientId,
    };
  }
  return null;
}

/**
 * A gentle word when the session date is after today (a mistyped year or month is the usual
 * cause); not a refusal: the server decides what is too far ahead. YYYY-MM-DD strings compare
 * in date order, so no Date (and no browser time zone) is involved.
 */
export function futureDateNote(date: string, today: string, todayText: string): string | null {
  return isIsoDate(date) && isIsoDate(today) && date > today
    ? `This date is after today (${todayText}). Is it right?`
    : null;
}
