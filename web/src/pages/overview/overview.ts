// Overview: one card per KPI with the latest value, a sparkline (inline SVG, no chart library), the change against
// the previous period, a data-health badge for the sources behind it (each linked to the Sources page) and a link to
// Explore. Cities are averaged unless one is chosen (`?city=`, kept in the URL). Cards load on their own, each in a
// box of fixed size, and a live refresh redraws only a card whose figures changed.
import './overview.css';
import { call, client, type Schemas } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import { formatUtc } from '../../app/format';
import type { PageContext, PageInstance, PageState } from '../../app/page';
import type { Route } from '../../app/route';
import { createCard, type CardContent, type KpiCard } from './card';
import { cardFigures, cardRange, latestBuckets } from './figures';
import { cardHealth, sourceHealth, sourcesOfDrill } from './health';

/**
 * Observations read per drilled bucket. The lineage (up to 32 raw pages, each named after its source) already names
 * the sources; a few observations add any whose pages fell past that, and keep the response small.
 */
const DRILL_LIMIT = '50';
/** Cards drawn as skeletons before the catalog says how many KPIs there are. */
const SKELETONS = 6;

type Catalog = Schemas['CatalogV1Response'];

export async function mount(ctx: PageContext): Promise<PageInstance> {
  ctx.setTitle('Overview');
  const citySelect = el('select', { id: 'overview-city', name: 'city' }, el('option', { value: '' }, 'All cities (averaged)'));
  const status = el('p', { class: 'muted overview-status', id: 'overview-status', role: 'status', 'aria-live': 'polite' });
  const notice = el('p', { class: 'overview-notice', role: 'status', hidden: true });
  const grid = el('div', { class: 'grid overview-grid', 'data-cards': '0' });
  replaceChildren(ctx.root,
    el('div', { class: 'page-head' },
      el('h1', {}, 'Overview'),
      el('div', { class: 'field overview-city' }, el('label', { for: 'overview-city' }, 'City'), citySelect)),
    status,
    notice,
    grid,
  );
  citySelect.disabled = true;
  replaceChildren(grid, Array.from({ length: SKELETONS }, () => placeholderCard()));

  let catalog: Catalog | null = null;
  let city: string | null = null;
  let cards = new Map<string, KpiCard>();
  let generation = 0;

  const cityFrom = (params: URLSearchParams): string | null => {
    const wanted = params.get('city');
    if (!wanted || !catalog) return null;
    if (catalog.cities.some((c) => c.id === wanted)) return wanted;
    return null;
  };

  const showNotice = (params: URLSearchParams) => {
    const wanted = params.get('city');
    const unknown = wanted && catalog && !catalog.cities.some((c) => c.id === wanted);
    notice.hidden = !unknown;
    notice.textContent = unknown ? `There is no city “${wanted}”: all cities are shown averaged.` : '';
  };

  /** Builds fresh cards (in their loading state) for the current city. */
  const buildCards = () => {
    if (!catalog) return;
    cards = new Map(catalog.kpis.map((kpi) => [kpi.id, createCard(kpi, city, () => retry(kpi.id))]));
    replaceChildren(grid, [...cards.values()].map((c) => c.element));
    grid.dataset.cards = String(cards.size);
  };

  const settle = () => {
    const states = [...cards.values()].map((c) => c.state());
    if (states.some((s) => s === 'loading')) return;
    const pageState: PageState = states.every((s) => s === 'error') ? 'error' : states.every((s) => s === 'empty') ? 'empty' : 'ready';
    ctx.setState(pageState);
  };

  const refreshCard = async (id: string, signal: AbortSignal, ticket: number, sources?: Promise<SourcesRead>, live = false) => {
    // The newest catalog entry (its data range moves), for the card built from an older one.
    const kpi = catalog?.kpis.find((k) => k.id === id);
    const card = cards.get(id);
    if (!kpi || !card) return;
    const content = await cardContent(kpi, city, Date.now(), signal, sources ?? readSources(signal));
    if (ticket !== generation || signal.aborted) return;
    // A live tick that failed for one card keeps the figures it showed (the status line says so); only a first
    // read, a new city or a retry shows the error.
    if (live && content.state === 'error' && card.state() !== 'error' && card.state() !== 'loading') {
      status.textContent = `Live refresh of “${kpi.name}” failed: ${content.message} Its figures are from the last successful read.`;
      return;
    }
    card.render(content);
    settle();
  };

  const retry = (id: string) => {
    cards.get(id)?.render({ state: 'loading' });
    void refreshCard(id, ctx.signal, generation);
  };

  /** Reads every card; `fresh` shows skeletons first (a new city), a live tick keeps what is shown until it changes. */
  const load = async (signal: AbortSignal, fresh: boolean) => {
    const ticket = ++generation;
    const { data } = await call(client.GET('/v1/catalog', { signal }));
    if (ticket !== generation) return;
    // Only what the cards are built from: the data ranges move as data arrives and must not rebuild (flash) them.
    const catalogChanged = catalog === null || shape(data) !== shape(catalog);
    catalog = data;
    if (catalogChanged) fillCities(citySelect, data);
    city = cityFrom(ctx.route.params);
    citySelect.value = city ?? '';
    citySelect.disabled = false;
    showNotice(ctx.route.params);
    if (data.kpis.length === 0) {
      replaceChildren(grid, stateBlock('empty', 'No KPIs are registered.', 'The catalog lists none: check the function app’s KPI registrations.'));
      cards = new Map();
      ctx.setState('empty');
      return;
    }
    if (fresh || catalogChanged) buildCards();
    const range = cardRange(data.kpis[0]!, Date.now());
    status.textContent = `Last ${range.grain === 'hour' ? '48 hours' : '14 days'} to ${formatUtc(range.to)}, ${city ? catalog.cities.find((c) => c.id === city)?.name : 'all cities averaged'}.`;
    const sources = readSources(signal);
    await Promise.all(data.kpis.map((kpi) => refreshCard(kpi.id, signal, ticket, sources, !fresh)));
  };

  const run = async (fresh: boolean) => {
    try {
      await load(ctx.signal, fresh);
    } catch (error) {
      if (isAbort(error)) return;
      if (cards.size > 0 && !fresh) return; // a live tick that failed keeps the last good cards
      replaceChildren(grid, stateBlock('error', 'The overview could not be loaded.', messageOf(error), { label: 'Retry', run: () => void run(true) }));
      cards = new Map();
      ctx.setState('error');
    }
  };

  citySelect.addEventListener('change', () => {
    const params = new URLSearchParams(ctx.route.params);
    if (citySelect.value) params.set('city', citySelect.value);
    else params.delete('city');
    ctx.route.params = params;
    ctx.replaceParams(params);
    ctx.setState('loading');
    void run(true);
  });

  ctx.live.every(async (signal) => {
    try {
      await load(signal, false);
      status.dataset.refreshError = '';
    } catch (error) {
      if (isAbort(error)) return;
      // Keep the cards as they were and say the refresh failed; the next tick retries.
      status.textContent = `Live refresh failed: ${messageOf(error)} The figures shown are from the last successful read.`;
      status.dataset.refreshError = 'true';
    }
  });
  await run(true);
  return {
    update: async (route: Route) => {
      const next = route.params.get('city') ?? '';
      ctx.route.params = route.params;
      if (next === (city ?? '') && catalog) return showNotice(route.params);
      ctx.setState('loading');
      await run(true);
    },
  };
}

function shape(catalog: Catalog): string {
  return JSON.stringify([catalog.kpis.map((k) => [k.id, k.name, k.unit, k.grains]), catalog.cities.map((c) => [c.id, c.name])]);
}

function placeholderCard(): HTMLElement {
  return el('div', { class: 'card kpi-card kpi-placeholder', 'aria-hidden': 'true' },
    el('div', { class: 'kpi-skeleton' },
      el('div', { class: 'kpi-title skeleton-bar' }),
      el('div', { class: 'kpi-health skeleton-bar' }),
      el('div', { class: 'kpi-value skeleton-bar' }),
      el('div', { class: 'kpi-change skeleton-bar' }),
      el('div', { class: 'kpi-spark skeleton-bar' })));
}

function fillCities(select: HTMLSelectElement, catalog: Catalog): void {
  replaceChildren(select,
    el('option', { value: '' }, 'All cities (averaged)'),
    catalog.cities.map((c) => el('option', { value: c.id }, c.name)));
}

interface SourcesRead {
  byId: Map<string, Schemas['SourceStatus']>;
  error: string | null;
}

/** GET /api/v1/sources once per load for every card; a failure leaves the health unknown, not the card broken. */
async function readSources(signal: AbortSignal): Promise<SourcesRead> {
  try {
    const { data } = await call(client.GET('/v1/sources', { signal }));
    return { byId: new Map(data.sources.map((s) => [s.id, s])), error: null };
  } catch (error) {
    if (isAbort(error)) throw error;
    return { byId: new Map(), error: `Source status unavailable: ${messageOf(error)}` };
  }
}

async function cardContent(kpi: Schemas['CatalogKpi'], city: string | null, now: number, signal: AbortSignal, sourcesRead: Promise<SourcesRead>): Promise<CardContent> {
  const range = cardRange(kpi, now);
  const window = { grain: range.grain, from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), ...(city ? { city } : {}) };
  try {
    const [{ data: series }, stats] = await Promise.all([
      call(client.GET('/v1/kpis/{kpi}/series', { params: { path: { kpi: kpi.id }, query: { ...window, maxPoints: '96' } }, signal })),
      call(client.GET('/v1/kpis/{kpi}/stats', { params: { path: { kpi: kpi.id }, query: window }, signal })).then((r) => r.data, (e) => (isAbort(e) ? Promise.reject(e) : null)),
    ]);
    const figures = cardFigures(series, range, kpi.data ?? null);
    let health = null;
    let healthError: string | null = null;
    try {
      const drills = await Promise.all(latestBuckets(series).map((b) => call(client.GET('/v1/kpis/{kpi}/buckets/{bucketStart}/inputs', {
        params: { path: { kpi: kpi.id, bucketStart: b.t }, query: { city: b.city, grain: range.grain, limit: DRILL_LIMIT } },
        signal,
      }))));
      const ids = [...new Set(drills.flatMap((d) => sourcesOfDrill(d.data)))].sort();
      const read = await sourcesRead;
      healthError = read.error;
      if (!read.error) health = cardHealth(ids.map((id) => sourceHealth(id, read.byId.get(id))), stats?.overall.meanCoverage ?? null);
    } catch (error) {
      if (isAbort(error)) throw error;
      healthError = `Health unavailable: ${messageOf(error)}`;
    }
    const state = figures.latest === null ? 'empty' : health && health.stale.length > 0 ? 'stale' : 'ready';
    return { state, figures, health, healthError };
  } catch (error) {
    if (isAbort(error)) throw error;
    return { state: 'error', message: messageOf(error) };
  }
}
