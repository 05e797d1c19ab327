/**
 * Service-call counting (README.md, "What it models": in Apps Script the unit of cost is the service call).
 * Every method the add-on calls on a service object counts as 'Class.method'; builders and
 * in-memory helpers count too, so `expensive` sums only the classes that reach Google's servers.
 */
import type { CallCounts } from './types';

/** Classes whose calls cost a round trip in Apps Script (spreadsheet, UI, lock, properties, cache). */
export const EXPENSIVE_CLASSES: ReadonlySet<string> = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Filter',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'Ui',
  'LockService',
  'Lock',
  'PropertiesService',
  'Properties',
  'CacheService',
  'Cache',
]);

/** A round trip: a call on those classes, except SpreadsheetApp.new* which only make a builder in-process. */
export function isExpensive(method: string): boolean {
  const dot = method.indexOf('.');
  const cls = method.slice(0, dot);
  return EXPENSIVE_CLASSES.has(cls) && !(cls === 'SpreadsheetApp' && method.startsWith('new', dot + 1));
}

export class CallCounter {
  readonly byMethod: Record<string, number> = {};
  total = 0;

  add(method: string): void {
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    this.total++;
  }

  snapshot(): CallCounts {
    const byService: Record<string, number> = {};
    let expensive = 0;
    for (const [method, n] of Object.entries(this.byMethod)) {
      const cls = method.slice(0, method.indexOf('.'));
      byService[cls] = (byService[cls] ?? 0) + n;
      if (isExpensive(method)) expensive += n;
    }
    return { byMethod: { ...this.byMethod }, total: this.total, byService, expensive };
  }
}
