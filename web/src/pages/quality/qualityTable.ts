// The accessible twin of the chart: every figure of every day in the range as a table (the same rounding as the
// chart's tooltip), with the day's counts and a button that lists the pages landed that day.
import { el } from '../../app/dom';
import { formatCount } from '../../app/format';
import { DIMENSION_HINTS, DIMENSION_LABELS, DIMENSIONS, formatFigure, type QualityDay } from './qualityModel';

export function qualityTable(days: readonly QualityDay[], source: string, onPages: (day: string) => void): HTMLElement {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  return el('table', { id: 'quality-table' },
    el('caption', { class: 'visually-hidden' }, `Quality figures of ${source} per UTC landing day, as shares; each day’s pages can be listed.`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Day (UTC)'),
      DIMENSIONS.map((d) => el('th', { scope: 'col', class: 'num', title: DIMENSION_HINTS[d] }, DIMENSION_LABELS[d])),
      el('th', { scope: 'col', class: 'num' }, 'Pages'),
      el('th', { scope: 'col', class: 'num' }, 'Observations'),
      el('th', { scope: 'col', class: 'num' }, 'Rejected'),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Page list')),
    )),
    el('tbody', {}, sorted.map((d) => el('tr', { 'data-day': d.day },
      el('th', { scope: 'row' }, d.day),
      DIMENSIONS.map((dim) => el('td', { class: 'num', 'data-dimension': dim, 'data-value': d[dim] ?? '' }, formatFigure(d[dim]))),
      el('td', { class: 'num' }, formatCount(d.pages), d.failedPages > 0 ? el('span', { class: 'muted' }, ` (${formatCount(d.failedPages)} failed)`) : null),
      el('td', { class: 'num', 'data-count': 'observations' }, formatCount(d.observations)),
      el('td', { class: 'num', 'data-count': 'rejected' }, formatCount(d.rejected)),
      el('td', {}, el('button', { type: 'button', class: 'button button-quiet quality-pages-button', 'data-day': d.day, onclick: () => onPages(d.day) },
        'Pages', el('span', { class: 'visually-hidden' }, ` of ${d.day}`))),
    ))),
  );
}
