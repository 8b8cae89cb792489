// Overview: one card per KPI with the latest value, a 48 h sparkline (inline SVG, no chart library), the change of
// the last 24 h against the 24 h before, and a link to Explore. Cities are averaged unless one is chosen.
import './overview.css';
import { call, client, type Schemas } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import { formatUtc, formatValue } from '../../app/format';
import type { PageContext, PageInstance } from '../../app/page';
import { formatRoute } from '../../app/route';
import { averageSeries, meanBetween, sparklinePath, type SparkPoint } from './sparkline';

const HOUR = 3_600_000;
const SVG = 'http://www.w3.org/2000/svg';

export async function mount(ctx: PageContext): Promise<PageInstance> {
  ctx.setTitle('Overview');
  const grid = el('div', { class: 'grid', 'data-cards': '0' });
  const status = el('p', { class: 'muted', role: 'status' });
  replaceChildren(ctx.root, el('div', { class: 'page-head' }, el('h1', {}, 'Overview'), status), grid);

  const load = async (signal: AbortSignal) => {
    const { data: catalog } = await call(client.GET('/v1/catalog', { signal }));
    if (catalog.kpis.length === 0) {
      replaceChildren(grid, stateBlock('empty', 'No KPIs are registered.', 'The catalog lists none: check the function app’s KPI registrations.'));
      ctx.setState('empty');
      return;
    }
    const end = Math.ceil(Date.now() / HOUR) * HOUR;
    const cards = await Promise.all(catalog.kpis.map((kpi) => card(kpi, end, signal)));
    replaceChildren(grid, cards);
    grid.dataset.cards = String(cards.length);
    status.textContent = `Last ${48} hours to ${formatUtc(end)}, all cities averaged.`;
    ctx.setState('ready');
  };

  const run = async () => {
    try {
      await load(ctx.signal);
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(grid, stateBlock('error', 'The overview could not be loaded.', messageOf(error), { label: 'Retry', run: () => void run() }));
      ctx.setState('error');
    }
  };
  ctx.live.every((signal) => load(signal));
  await run();
  return {};
}

async function card(kpi: Schemas['CatalogKpi'], end: number, signal: AbortSignal): Promise<HTMLElement> {
  const grain = kpi.grains.includes('hour') ? 'hour' : 'day';
  const span = grain === 'hour' ? 48 * HOUR : 14 * 24 * HOUR;
  const { data } = await call(client.GET('/v1/kpis/{kpi}/series', {
    params: { path: { kpi: kpi.id }, query: { grain, from: new Date(end - span).toISOString(), to: new Date(end).toISOString(), maxPoints: "96" } },
    signal,
  }));
  const points: SparkPoint[] = averageSeries(data.series.map((s) => s.points.map((p) => ({ t: Date.parse(p.t), value: p.value ?? null }))));
  const latest = [...points].reverse().find((p) => p.value !== null) ?? null;
  const half = span / 2;
  const now = meanBetween(points, end - half, end);
  const before = meanBetween(points, end - span, end - half);
  const change = now !== null && before !== null ? now - before : null;
  const explore = formatRoute('explore', { kpi: kpi.id, grain });

  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'kpi-spark');
  svg.setAttribute('viewBox', '0 0 240 40');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', sparklinePath(points, 240, 40));
  svg.appendChild(path);

  return el(
    'article',
    { class: 'card kpi-card', 'data-kpi': kpi.id, 'data-state': latest ? 'ready' : 'empty' },
    el('h2', {}, el('a', { href: explore }, kpi.name)),
    el('p', { class: 'kpi-value', 'data-value': latest?.value ?? '' }, latest ? formatValue(latest.value, kpi.unit) : 'No data yet'),
    el('p', { class: 'kpi-change' }, change === null ? 'No change to show' : `${change >= 0 ? '▲ +' : '▼ '}${formatValue(change, kpi.unit)} vs the previous ${grain === 'hour' ? '24 h' : '7 days'}`),
    svg,
    el('p', { class: 'kpi-foot muted' }, latest ? `Latest bucket ${formatUtc(latest.t)}` : 'No bucket in range', el('a', { href: explore }, 'Explore')),
  );
}
