// "Show data as a table": what the chart shows, as a table whose values link to the bucket's drill-down, so the data
// and the drill are reachable by keyboard and screen reader. Built only while open (a month of hours is large).
import { el, replaceChildren } from '../../app/dom';
import { formatShare, formatUtc, formatValue } from '../../app/format';
import type { DrillTarget } from './drillLink';
import { cellTitle, type HeatmapModel } from './heatmap';
import { isValue, type ShownSeries } from './seriesModel';

export type TableSource =
  | { kind: 'series'; series: readonly ShownSeries[]; grain: string; fromMs: number; toMs: number }
  | { kind: 'heatmap'; model: HeatmapModel };

export interface DataTable {
  element: HTMLDetailsElement;
  show(source: TableSource | null): void;
}

export function createDataTable(linkFor: (target: DrillTarget) => string): DataTable {
  const body = el('div', { class: 'table-scroll explore-table' });
  const element = el('details', { class: 'explore-data' }, el('summary', {}, 'Show data as a table'), body);
  let source: TableSource | null = null;
  let built: TableSource | null = null;

  const build = () => {
    if (!element.open || built === source) return;
    built = source;
    if (!source) return replaceChildren(body, el('p', { class: 'muted' }, 'Nothing is shown.'));
    replaceChildren(body, source.kind === 'series' ? seriesTable(source, linkFor) : heatmapTable(source.model, linkFor));
  };
  element.addEventListener('toggle', build);

  return {
    element,
    show(next) {
      source = next;
      build();
    },
  };
}

function seriesTable(source: Extract<TableSource, { kind: 'series' }>, linkFor: (t: DrillTarget) => string): HTMLElement {
  const rows = document.createDocumentFragment();
  for (const s of source.series) {
    s.points.forEach((p, i) => {
      const t = s.times[i]!;
      if (t < source.fromMs || t > source.toMs) return;
      const href = linkFor({ kpi: s.kpi, bucket: p.t, city: s.city, grain: source.grain, stop: s.stop });
      rows.appendChild(el('tr', { 'data-t': new Date(t).toISOString(), 'data-series': s.key },
        el('td', {}, formatUtc(t)),
        el('td', {}, s.kpiName),
        el('td', {}, s.stop ? s.name : s.cityName),
        el('td', { class: 'num' }, el('a', { href }, isValue(p.value) ? formatValue(p.value, s.unit) : 'no value')),
        el('td', { class: 'num' }, p.inputs),
        el('td', { class: 'num' }, formatShare(p.coverage)),
        el('td', {}, p.reason ?? ''),
      ));
    });
  }
  return el('table', {},
    el('caption', { class: 'visually-hidden' }, 'The points shown in the chart; each value opens the bucket’s inputs.'),
    el('thead', {}, el('tr', {}, ['Time (UTC)', 'KPI', 'City or stop', 'Value', 'Inputs', 'Coverage', 'Reason'].map((h, i) => el('th', { scope: 'col', class: i >= 3 && i <= 5 ? 'num' : null }, h)))),
    el('tbody', {}, rows),
  );
}

function heatmapTable(model: HeatmapModel, linkFor: (t: DrillTarget) => string): HTMLElement {
  const head = el('tr', {}, el('th', { scope: 'col' }, `${model.yTitle} \\ ${model.xTitle}`), model.xLabels.map((x) => el('th', { scope: 'col', class: 'num' }, x)));
  const rows = model.yLabels.map((label, y) => el('tr', {},
    el('th', { scope: 'row' }, label),
    model.xLabels.map((_, x) => {
      const cell = model.cells.find((c) => c.x === x && c.y === y);
      if (!cell || !isValue(cell.value)) return el('td', { class: 'num muted' }, '—');
      const text = formatValue(cell.value, model.kpi.unit);
      const drill = cell.bucket && cell.city ? linkFor({ kpi: model.kpi.id, bucket: cell.bucket, city: cell.city, grain: 'hour', stop: cell.stop }) : null;
      return el('td', { class: 'num', title: cellTitle(model, cell) }, drill ? el('a', { href: drill }, text) : text);
    }),
  ));
  return el('table', {},
    el('caption', { class: 'visually-hidden' }, `${model.kpi.name}: ${model.source}.`),
    el('thead', {}, head),
    el('tbody', {}, rows),
  );
}
