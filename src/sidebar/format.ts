/** How dates, statuses, trends and earlier entries read in the sidebar (plain text, never HTML). */
import { FLAGGED_LEVEL_LABELS, STATUS_LABELS, type FollowUp, type LastEntry, type TrendLevel } from '../core/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * '2026-11-12' → '12 Nov', with the year when it is not the year of `today` ('12 Nov 2025').
 * Dates cross google.script.run as YYYY-MM-DD strings in the spreadsheet's zone, so they are
 * formatted from their digits: a Date would shift them into the browser's zone.
 */
export function shortDate(date: string, today = ''): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return date;
  const dayMonth = `${Number(m[3])} ${month}`;
  return today.slice(0, 4) === m[1] ? dayMonth : `${dayMonth} ${m[1]}`;
}

export { STATUS_LABELS };

/** A status in running text ("excused"), tolerant of values the server may add later. */
export function statusWord(status: string): string {
  const label = (STATUS_LABELS as Record<string, string>)[status];
  return label ? label.toLowerCase() : status;
}

/** The badge text of a trend level; '' for none (no badge). */
export function trendLabel(level: TrendLevel): string {
  switch (level) {
    case 'insufficient':
      return 'Not enough data';
    case 'none':
      return '';
    default:
      return FLAGGED_LEVEL_LABELS[level];
  }
}

/** "excused, illness" or "present". */
export function statusAndReason(status: string, reason: string): string {
  return reason ? `${statusWord(status)}, ${reason}` : statusWord(status);
}

/** "last: 12 Nov — excused, illness". */
export function lastEntryText(entry: LastEntry, today: string): string {
  return `last: ${shortDate(entry.date, today)} — ${statusAndReason(entry.status, entry.reason)}`;
}

/** "missed 12 Nov — illness; follow up". */
export function followUpText(followUp: FollowUp, today: string): string {
  const verb = followUp.status === 'refused' ? 'refused' : followUp.status === 'cancelled' ? 'cancelled' : 'missed';
  const reason = followUp.reason ? ` — ${followUp.reason}` : '';
  return `${verb} ${shortDate(followUp.date, today)}${reason}; follow up`;
}
