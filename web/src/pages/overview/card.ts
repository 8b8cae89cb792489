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
    // Ages grow on every read: they alone never redraw the card, they are updated in place.
    const fingerprint = JSON.stringify(content, (key, value) => (key === 'ageSeconds' ? undefined : value));
    if (fingerprint === shown) {
      if ('health' in content && content.health) updateAges(element, content.health);
      return;
    }
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
    // The range the figures are for, as the API was asked (tests and tools read it back).
    element.dataset.from = new Date(figures.from).toISOString();
    element.dataset.to = new Date(figures.to).toISOString();
    const body = content.state === 'empty' ? emptyBody(figures) : valueBody(kpi, figures);
    const stale = content.state === 'stale';
    replaceChildren(element, title, healthRow(health, healthError), body,
      el('p', { class: `kpi-foot${stale ? ' kpi-foot-stale' : ' muted'}` },
        // Stale: the figures are the newest there are, but a source behind them has stopped delivering.
        el('span', {}, figures.latest ? `${stale ? 'Stale: latest' : 'Latest'} ${formatUtc(figures.latest.t)}` : 'No bucket in range'),
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
  const change = changeText(f.change, kpi.unit, f.period);
  return [
    el('p', { class: 'kpi-value', 'data-value': f.latest?.value ?? '' }, formatValue(f.latest?.value ?? null, kpi.unit)),
    el('p', { class: 'kpi-change', 'data-change': f.change ?? '' }, change),
    svg as unknown as HTMLElement,
  ];
}

/** `▲ +0.4 °C vs the previous 24 h`; a change that rounds to zero is said as no change, never `▼ -0`. */
export function changeText(change: number | null, unit: string, period: string): string {
  if (change === null) return 'No change to show';
  const size = formatValue(Math.abs(change), unit);
  if (/^0(\s|$)/.test(size)) return `No change vs the previous ${period}`;
  return `${change > 0 ? '▲ +' : '▼ −'}${size} vs the previous ${period}`;
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
      el('p', { class: 'kpi-health-line' }, el('span', { class: 'badge badge-neutral kpi-health-badge' }, 'Health unknown')),
      el('p', { class: 'kpi-sources muted' }, error ?? ''));
  }
  const badgeClass = { good: 'badge-good', warn: 'badge-warn', bad: 'badge-bad', unknown: 'badge-neutral' }[health.level];
  const icon = { good: '✓', warn: '!', bad: '⚠', unknown: '?' }[health.level];
  const figure = (name: string, label: string, raw: number | null, text: string) =>
    el('div', { class: 'kpi-figure' }, el('dt', {}, label), el('dd', { 'data-figure': name, 'data-raw': raw ?? '' }, text));
  const sources = el('p', { class: 'kpi-sources' },
    health.sources.length === 0 ? 'No source behind the latest bucket is known.' : el('span', { class: 'kpi-sources-label' }, 'Sources '),
    health.sources.flatMap((s, i) => [
      i > 0 ? ' ' : null,
      el('a', {
        href: formatRoute('sources', { source: s.id }),
        class: `kpi-source${s.stale ? ' kpi-source-stale' : ''}`,
        'data-source': s.id,
        'data-newest': s.newestUtc ?? '',
        'data-quarantined': s.quarantined + s.quarantinedPages,
        'data-drift': s.drift,
        'data-stale': String(s.stale),
        title: sourceTitle(s),
        'aria-label': sourceLabel(s),
      }, s.id, el('span', { class: 'kpi-source-age' }, ` ${sourceAge(s)}`)),
    ]),
  );
  return el('div', { class: 'kpi-health', 'data-level': health.level },
    el('p', { class: 'kpi-health-line' }, el('span', { class: `badge ${badgeClass} kpi-health-badge` }, el('span', { 'aria-hidden': 'true' }, icon), health.label)),
    el('dl', { class: 'kpi-figures' },
      figure('coverage', 'Coverage', health.coverage, formatShare(health.coverage)),
      figure('quarantined', 'Quarantined', health.quarantined, formatCount(health.quarantined)),
      figure('drift', 'Drift', health.drift, formatCount(health.drift))),
    sources,
  );
}

/** Sets each source link's age (and its accessible name) in place. */
function updateAges(card: HTMLElement, health: CardHealth): void {
  for (const s of health.sources) {
    const link = card.querySelector<HTMLAnchorElement>(`a.kpi-source[data-source="${CSS.escape(s.id)}"]`);
    const age = link?.querySelector('.kpi-source-age');
    if (!link || !age) continue;
    const text = ` ${sourceAge(s)}`;
    if (age.textContent !== text) age.textContent = text;
    link.setAttribute('aria-label', sourceLabel(s));
  }
}

function sourceLabel(s: CardHealth['sources'][number]): string {
  // The visible words first (so voice control finds the link by what it shows), then what they stand for.
  return `${s.id} ${sourceAge(s)}: ${sourceTitle(s).slice(s.id.length + 2)}. Open the source.`;
}

/** How old the source's newest observation is, in a few characters (the title has the full story). */
function sourceAge(s: CardHealth['sources'][number]): string {
  if (s.missing) return '(unknown)';
  if (s.stale) return `(stale, ${s.ageSeconds === null ? 'no data' : formatAge(s.ageSeconds)})`;
  return `(${s.ageSeconds === null ? 'no data' : formatAge(s.ageSeconds)})`;
}

function sourceTitle(s: CardHealth['sources'][number]): string {
  if (s.missing) return `${s.id}: the sources API does not list it`;
  const parts = [`newest observation ${formatUtc(s.newestUtc)}`, `${formatCount(s.quarantined)} records and ${formatCount(s.quarantinedPages)} pages quarantined in 7 days`, `${formatCount(s.drift)} drift events`];
  if (s.stale) parts.unshift('stale');
  return `${s.id}: ${parts.join(', ')}`;
}
