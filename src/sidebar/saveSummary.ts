/** What the therapist reads after a save: exactly the rows stored, and whose trend changed. */
import type { SaveSessionRequest, SaveSessionResult, TrendLevel } from '../core/types';
import { shortDate, statusAndReason, trendLabel } from './format';

export interface SaveSummary {
  title: string;
  /** One line per client as stored: "Ana Lima — excused, illness; notice given; follow up". */
  lines: string[];
  /** One line per client whose trend level changed: "Ben Okafor: Watch → Rising. missed 3 of the last 6 (50%)". */
  trendLines: string[];
}

function levelText(level: TrendLevel): string {
  return trendLabel(level) || 'no flag';
}

export function summariseSave(
  request: SaveSessionRequest,
  result: Omit<SaveSessionResult, 'sidebar'>,
  nameOf: (clientId: string) => string,
  today: string,
): SaveSummary {
  const when = shortDate(request.date, today);
  const where = request.group ? ` (${request.group})` : '';
  const rows = request.attendance.length === 1 ? 'row' : 'rows';
  const title = result.duplicate
    ? // The earlier attempt got through (its answer was lost): what it stored is what was sent
      // then, which the lines below match unless the form was changed in between.
      `This session was already saved for ${when}${where} by an earlier attempt; nothing was stored twice. If you changed anything since, check the Attendance tab.`
    : `Saved ${result.saved} ${result.saved === 1 ? 'row' : 'rows'} for ${when}${where}.`;
  const lines = request.attendance.map((a) => {
    const extras: string[] = [];
    if (a.notice) extras.push('notice given');
    if (a.followUp) extras.push('follow up');
    if (a.note) extras.push(`note: ${a.note}`);
    const tail = extras.length ? `; ${extras.join('; ')}` : '';
    return `${nameOf(a.clientId)} — ${statusAndReason(a.status, a.reason ?? '')}${tail}`;
  });
  const trendLines = result.trends.map((t) => {
    const why = t.trend.explanation ? `. ${t.trend.explanation}` : '';
    return `${t.name || nameOf(t.clientId)}: ${levelText(t.before)} → ${levelText(t.after)}${why}`;
  });
  if (!result.duplicate && result.saved !== request.attendance.length) {
    lines.unshift(`The server stored ${result.saved} of the ${request.attendance.length} ${rows} sent.`);
  }
  return { title, lines, trendLines };
}
