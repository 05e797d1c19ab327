/**
 * Draws a sheet's embedded charts as SVG over the grid, anchored at their cell as in Sheets: column
 * charts (stacked or side by side) and line charts, with a value axis, the categories, a legend
 * and the title. Our own small renderer: nothing is loaded from the network, and each chart is an
 * image with its title as its name, its numbers listed for screen readers.
 */
import type { ChartWire } from '../wire';

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#4285F4', '#DB4437', '#F4B400', '#0F9D58', '#AB47BC', '#00ACC1'];
const MARGIN = { left: 48, right: 16, top: 34, bottom: 56 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A round top for the value axis: 10%, 20%, 50%, 100% ... of the largest bar or point. */
function axisTop(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max - 1e-12) return m * step;
  return 10 * step;
}

function valueText(value: number, percent: boolean): string {
  return percent ? `${Math.round(value * 100)}%` : String(Math.round(value * 100) / 100);
}

/** The chart as an SVG figure `chart.width` × `chart.height` pixels. */
export function chartFigure(chart: ChartWire, id: string): HTMLElement {
  const { width, height } = chart;
  const colors = chart.colors.length ? chart.colors : PALETTE;
  const n = chart.categories.length;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const stackedColumns = chart.type === 'column' && chart.stacked;
  const sums = chart.categories.map((_, i) => chart.series.reduce((t, s) => t + (s.values[i] ?? 0), 0));
  const max = stackedColumns ? Math.max(0, ...sums) : Math.max(0, ...all);
  // The add-on's charts are rates (0..1): shown as percentages.
  const percent = all.every((v) => v >= 0 && v <= 1);
  const top = percent ? Math.min(1, axisTop(max)) : axisTop(max);
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const band = n ? plotW / n : plotW;

  const titleId = `${id}-title`;
  const root = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': titleId,
  });
  root.append(svg('title', { id: titleId }, chart.title || 'Chart'));
  root.append(svg('rect', { x: 0, y: 0, width, height, fill: '#fff', stroke: '#dadce0' }));
  root.append(
    svg(
      'text',
      { x: width / 2, y: 20, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 'bold', fill: '#202124' },
      chart.title,
    ),
  );
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    root.append(
      svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(v), y2: y(v), stroke: k ? '#e8eaed' : '#5f6368' }),
    );
    root.append(
      svg(
        'text',
        { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#3c4043' },
        valueText(v, percent),
      ),
    );
  }
  chart.categories.forEach((category, i) => {
    root.append(
      svg(
        'text',
        {
          x: MARGIN.left + band * (i + 0.5),
          y: MARGIN.top + plotH + 14,
          'text-anchor': 'middle',
          'font-size': 10,
          fill: '#3c4043',
        },
        category,
      ),
    );
  });
  if (chart.type === 'line') {
    chart.series.forEach((series, k) => {
      const points = series.values
        .map((v, i) => (v === null ? null : `${MARGIN.left + band * (i + 0.5)},${y(v)}`))
        .filter((p): p is string => p !== null);
      root.append(
        svg('polyline', {
          points: points.join(' '),
          fill: 'none',
          stroke: colors[k % colors.length],
          'stroke-width': 2,
        }),
      );
    });
  } else {
    const inner = band * 0.6;
    chart.categories.forEach((_, i) => {
      let base = 0;
      chart.series.forEach((series, k) => {
        const v = series.values[i];
        if (v === null || v <= 0) return;
        const x = stackedColumns
          ? MARGIN.left + band * i + (band - inner) / 2
          : MARGIN.left + band * i + (band - inner) / 2 + (inner / chart.series.length) * k;
        const w = stackedColumns ? inner : inner / chart.series.length;
        const from = stackedColumns ? base : 0;
        const rect = svg('rect', {
          x,
          y: y(from + v),
          width: w,
          height: y(from) - y(from + v),
          fill: colors[k % colors.length],
        });
        rect.append(svg('title', {}, `${chart.categories[i]}, ${series.name}: ${valueText(v, percent)}`));
        root.append(rect);
        if (stackedColumns) base += v;
      });
    });
  }
  // The legend, one swatch and name per series, under the categories.
  let x = MARGIN.left;
  chart.series.forEach((series, k) => {
    root.append(svg('rect', { x, y: height - 22, width: 10, height: 10, fill: colors[k % colors.length] }));
    root.append(svg('text', { x: x + 14, y: height - 13, 'font-size': 11, fill: '#202124' }, series.name));
    x += 24 + series.name.length * 7;
  });

  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.append(root);
  // The numbers as text for a screen reader, not shown.
  const caption = document.createElement('figcaption');
  caption.className = 'visually-hidden';
  caption.textContent = `${chart.title}. ${chart.categories
    .map(
      (c, i) =>
        `${c}: ${chart.series.map((s) => `${s.name} ${s.values[i] === null ? 'none' : valueText(s.values[i] as number, percent)}`).join(', ')}`,
    )
    .join('; ')}.`;
  figure.append(caption);
  return figure;
}
