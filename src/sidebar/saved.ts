/** After a save: exactly what was stored, whose trend changed, and "Record another". */
import type { SaveSessionRequest, SaveSessionResult } from '../core/types';
import { button, h } from './dom';
import { summariseSave } from './saveSummary';

export function savedView(
  request: SaveSessionRequest,
  result: SaveSessionResult,
  nameOf: (id: string) => string,
  today: string,
  onAnother: () => void,
): HTMLElement {
  const summary = summariseSave(request, result, nameOf, today);
  const another = button('Record another', onAnother, { className: 'action' });
  const section = h('section', { className: 'saved', attrs: { 'aria-label': 'Saved' } }, [
    h('h1', { text: result.duplicate ? 'Already saved' : 'Saved' }),
    h('p', { className: 'message ok', text: summary.title, attrs: { role: 'status' } }),
    h(
      'ul',
      { className: 'saved-rows' },
      summary.lines.map((line) => h('li', { text: line })),
    ),
    summary.trendLines.length ? h('h3', { text: 'Trend changes' }) : null,
    summary.trendLines.length
      ? h(
          'ul',
          { className: 'saved-trends' },
          summary.trendLines.map((line) => h('li', { text: line })),
        )
      : null,
    h('div', { className: 'bottom' }, [h('div', { className: 'bar-buttons' }, [another])]),
  ]);
  window.setTimeout(() => another.focus(), 0);
  return section;
}
