/**
 * Sessions already recorded (getSidebarData's recordedSessions): choosing a group and date that
 * are in the record says so at once, so the same session is not saved twice by accident.
 */
import type { RecordedSession } from '../core/types';
import { shortDate } from './format';
import type { SessionScope } from './state';

/**
 * The recorded sessions the form's date and scope would repeat, newest first: the group's on that
 * day, or for individual clients the individual sessions of that day holding a picked client.
 */
export function matchingSessions(
  sessions: readonly RecordedSession[],
  date: string,
  scope: SessionScope,
  picked: ReadonlySet<string>,
): RecordedSession[] {
  if (scope.kind === 'group') return sessions.filter((s) => s.date === date && s.group === scope.group);
  if (scope.kind === 'individual')
    return sessions.filter((s) => s.date === date && s.group === '' && s.clients.some((id) => picked.has(id)));
  return [];
}

/** The form's date and scope as one key: "record a second session" holds for that choice only. */
export function sessionKey(date: string, scope: SessionScope): string {
  return JSON.stringify([date, scope.kind === 'group' ? scope.group : scope.kind]);
}

/** "14:05" in the spreadsheet's time zone (the sidebar's browser may be elsewhere), or ''. */
export function timeOfDay(iso: string, timeZone: string): string {
  const when = new Date(iso);
  if (!iso || Number.isNaN(when.getTime())) return '';
  try {
    return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
      when,
    );
  } catch {
    return ''; // a zone this browser does not know: the time is left out rather than shown wrong
  }
}

/** "Tuesday drum circle on 24 Nov is already recorded: 8 entries, 14:05." */
export function recordedText(session: RecordedSession, today: string, timeZone: string, also = 0): string {
  const what = session.group || 'An individual session';
  const entries = `${session.entries.length} ${session.entries.length === 1 ? 'entry' : 'entries'}`;
  const time = timeOfDay(session.recordedAt, timeZone);
  const by = session.recordedBy ? ` by ${session.recordedBy}` : '';
  const more = also > 0 ? ` (and ${also} more session${also === 1 ? '' : 's'} that day)` : '';
  return `${what} on ${shortDate(session.date, today)} is already recorded: ${entries}${time ? `, ${time}` : ''}${by}${more}.`;
}
