// One KPI card. Its box is the same size in every state (loading skeleton, ready, stale, empty, error), so nothing
// on the page moves when data arrives or a live refresh redraws it. `render` replaces the card's inside only when
// what it shows changed, so an unchanged refresh touches nothing (no flicker, focus and hover stay).
import type { Schemas } from '../../app/api';
import { el, replaceChildren } from '../../app/dom';
import { formatAge, formatCount, formatShare, formatUtc, formatValue } from '../../app/format';
import { formatRoute } from '../../app/route';
import type { CardHealth } from './health';
import { sparklinePath, type SparkPoint } from './sparkline';

const SVG = 'http://www.w3.org/2000/svg';

export type CardState = 'loading' | 'ready' | 'stale' | 'empty' | 'error';

export interface CardFigures {
  points: SparkPoint[];
  latest: SparkPoint | null;
  change: number | null;
  /** The words for the compared periods: `24 h` for hourly cards, `7 days` for daily ones. */
  period: string;
  grain: 'hour' | 'day';
  /** [from, to) of the card's range, for the empty message. */
  from: number;
  to: number;
  /** The range the catalog says the KPI has rows for (null: none yet). */
  held: { from: string; to: string } | null;
}

export type CardContent =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready' | 'stale' | 'empty'; figures: CardFigures; health: CardHealth | null; healthError: string | null };

export interface KpiCard {
  element: HTMLElement;
  render(content: CardContent): void;
  state(): CardState;
}

export function createCard(kpi: Schemas['CatalogKpi'], city: string | null, onRetry: () => void): KpiCard {
  const element = el('article', { class: 'card kpi-card', 'data-kpi': kpi.id, 'data-state': 'loading', 'aria-busy': 'true', 'aria-labelledby': `kpi-${kpi.id}-name` });
  let shown = '';
  let state: CardState = 'loading';
  const explore = (grain: string) => formatRoute('explore', { kpi: kpi.id, grain, city: city ?? undefined });

  const render = (content: CardContent) => {
    const fingerprint = JSON.stringify(content);
    if (fingerprint === shown) return;
    shown = fingerprint;
    state = content.state;
    element.dataset.state = content.state;
    element.setAttribute('aria-busy', String(content.state === 'loading'));
    const title = el('h2', { id: `kpi-${kpi.id}-name` }, el('a', { href: explore(kpi.grains.includes('hour') ? 'hour' : 'day') }, kpi.name));
    if (content.state === 'loading') return replaceChildren(element, title, skeleton());
    if (content.state === 'error') {
      return replaceChildren(element, title,
        el('div', { class: 'kpi-problem', role: 'alert' },
          el('p', { class: 'kpi-problem-title' }, 'This KPI could not be loaded.'),
          el('p', { class: 'muted' }, content.message),
          el('button', { type: 'button', class: 'button button-quiet kpi-retry', onclick: onRetry }, 'Retry')),
      );
    }
    const { figures, health, healthError } = content;
    const body = content.state === 'empty' ? emptyBody(figures) : valueBody(kpi, figures);
    replaceChildren(element, title, healthRow(health, healthError), body, staleNote(health),
      el('p', { class: 'kpi-foot muted' },
        figures.latest ? `Latest bucket ${formatUtc(figures.latest.t)}` : 'No bucket in range',
        el('a', { href: explore(figures.grain), class: 'kpi-explore' }, 'Explore', el('span', { class: 'visually-hidden' }, ` ${kpi.name}`))),
    );
  };
  render({ state: 'loading' });
  return { element, render, state: () => state };
}

function skeleton(): HTMLElement {
  // Grey bars where the figures will be, each the height of what replaces it; read as "loading" by screen readers.
  return el('div', { class: 'kpi-skeleton' },
    el('span', { class: 'visually-hidden' }, 'Loading…'),
    el('div', { class: 'kpi-health skeleton-bar', 'aria-hidden': 'true' }),
    el('div', { class: 'kpi-value skeleton-bar', 'aria-hidden': 'true' }),
    el('div', { class: 'kpi-change skeleton-bar', 'aria-hidden': 'true' }),
    el('div', { class: 'kpi-spark skeleton-bar', 'aria-hidden': 'true' }),
    el('div', { class: 'kpi-sources skeleton-bar', 'aria-hidden': 'true' }),
  );
}

function valueBody(kpi: Schemas['CatalogKpi'], f: CardFigures): HTMLElement[] {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'kpi-spark');
  svg.setAttribute('viewBox', '0 0 240 40');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', sparklinePath(f.points, 240, 40));
  svg.appendChild(path);
  const change = f.change === null
    ? 'No change to show'
    : `${f.change >= 0 ? '▲ +' : '▼ '}${formatValue(f.change, kpi.unit)} vs the previous ${f.period}`;
  return [
    el('p', { class: 'kpi-value', 'data-value': f.latest?.value ?? '' }, formatValue(f.latest?.value ?? null, kpi.unit)),
    el('p', { class: 'kpi-change', 'data-change': f.change ?? '' }, change),
    svg as unknown as HTMLElement,
  ];
}

function emptyBody(f: CardFigures): HTMLElement[] {
  const held = f.held ? ` The KPI has data from ${formatUtc(f.held.from)} to ${formatUtc(f.held.to)}.` : ' The KPI has no data yet.';
  return [
    el('p', { class: 'kpi-value kpi-value-empty', 'data-value': '' }, 'No data in range'),
    el('p', { class: 'kpi-empty muted' }, `No bucket with a value between ${formatUtc(f.from)} and ${formatUtc(f.to)}.${held}`),
  ];
}

function healthRow(health: CardHealth | null, error: string | null): HTMLElement {
  if (!health) {
    return el('div', { class: 'kpi-health', 'data-level': 'unknown' },
      el('span', { class: 'badge badge-neutral kpi-health-badge' }, 'Health unknown'),
      el('span', { class: 'muted kpi-health-figures' }, error ?? ''));
  }
  const badgeClass = { good: 'badge-good', warn: 'badge-warn', bad: 'badge-bad', unknown: 'badge-neutral' }[health.level];
  const icon = { good: '✓', warn: '!', bad: '⚠', unknown: '?' }[health.level];
  const figures = el('span', { class: 'kpi-health-figures' },
    el('span', { 'data-figure': 'coverage', 'data-raw': health.coverage ?? '' }, `Coverage ${formatShare(health.coverage)}`), ' · ',
    el('span', { 'data-figure': 'quarantined', 'data-raw': health.quarantined }, `${formatCount(health.quarantined)} quarantined`), ' · ',
    el('span', { 'data-figure': 'drift', 'data-raw': health.drift }, `${formatCount(health.drift)} drift`),
  );
  const sources = el('p', { class: 'kpi-sources' },
    health.sources.length === 0 ? 'No source behind the latest bucket is known.' : 'Sources: ',
    health.sources.flatMap((s, i) => [
      i > 0 ? ', ' : null,
      el('a', {
        href: formatRoute('sources', { source: s.id }),
        class: `kpi-source${s.stale ? ' kpi-source-stale' : ''}`,
        'data-source': s.id,
        'data-newest': s.newestUtc ?? '',
        'data-quarantined': s.quarantined + s.quarantinedPages,
        'data-drift': s.drift,
        title: sourceTitle(s),
      }, s.id, el('span', { class: 'kpi-source-age' }, s.missing ? ' (unknown)' : ` (${s.ageSeconds === null ? 'no data' : `${formatAge(s.ageSeconds)} old`})`)),
    ]),
  );
  return el('div', { class: 'kpi-health', 'data-level': health.level },
    el('p', { class: 'kpi-health-line' },
      el('span', { class: `badge ${badgeClass} kpi-health-badge` }, el('span', { 'aria-hidden': 'true' }, icon), health.label),
      figures),
    sources,
  );
}

function sourceTitle(s: CardHealth['sources'][number]): string {
  if (s.missing) return `${s.id}: the sources API does not list it`;
  const parts = [`newest observation ${formatUtc(s.newestUtc)}`, `${formatCount(s.quarantined)} records and ${formatCount(s.quarantinedPages)} pages quarantined in 7 days`, `${formatCount(s.drift)} drift events`];
  if (s.stale) parts.unshift('stale');
  return `${s.id}: ${parts.join(', ')}`;
}

function staleNote(health: CardHealth | null): HTMLElement | null {
  if (!health || health.stale.length === 0) return null;
  const s = health.stale[0]!;
  return el('p', { class: 'kpi-stale', role: 'status' },
    `Stale: ${s.id}${health.stale.length > 1 ? ` and ${health.stale.length - 1} more` : ''} has no fresh data (newest ${formatUtc(s.newestUtc)}); the value may be out of date.`);
}
