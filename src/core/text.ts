/** Making user text safe to write into a cell, and comparing header texts. */

/**
 * The cell content that stores `text` exactly as typed. Sheets reads a leading apostrophe as
 * "this cell is text" and does not keep it in the value (https://gist.github.com/tanaikech/ec156204f3a2d96873dce5f6ba4674d6:
 * "when a single quote is added to the top letter of the cell value, the cell is used as the
 * text value"). Prefixing every non-empty text, not only those starting with = + - @, also keeps
 * a note like "1/2" or an ID like "007" from turning into a date or a number.
 */
export function asCellText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** Header texts match case- and space-insensitively: "Client ID", "client id", " ClientID ". */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** A cell value as text ('' for blank). Dates never reach here: callers format them first. */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return toText(value);
}

/** String, read once: cellText runs for every cell of the record. */
const toText = String;

/** cellText(value).trim(), without a new string for the usual cell that starts and ends in printable ASCII. */
export function trimmedText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return cellText(value).trim();
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? value : value.trim();
}
