/** Sheets' sort order: numbers and dates, then text (case-insensitive), then booleans; blanks always last. */

function rank(v: unknown): number {
  if (v === '' || v === null || v === undefined) return 3;
  if (typeof v === 'number' || Object.prototype.toString.call(v) === '[object Date]') return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

// One collator for every comparison: localeCompare with options builds a new one each call.
const collator = new Intl.Collator('en', { sensitivity: 'base' });

const numeric = (v: unknown) => (typeof v === 'number' ? v : (v as Date).getTime());

export function compareForSort(a: unknown, b: unknown, ascending: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 3 || rb === 3) return ra === rb ? 0 : ra === 3 ? 1 : -1;
  let c: number;
  if (ra !== rb) c = ra - rb;
  else if (ra === 0) c = numeric(a) - numeric(b);
  else if (ra === 1) c = collator.compare(a as string, b as string);
  else c = Number(a) - Number(b);
  return ascending ? c : -c;
}
