// Explore: KPI time series (up to four KPIs, one line per city or for one stop place, two unit axes) and heatmaps,
// with every filter in the URL, drill-down to a bucket's inputs, CSV/PNG export, saved views and live refresh.
// This module wires the parts: controls.ts (filters), chartHost.ts (ECharts, loaded lazily), seriesView.ts /
// heatmapView.ts (what is drawn), dataTable.ts, shareBar.ts, and the reads.
import './explore.css';
import { call, client, forgetCached, type Schemas } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import { exploreParams, parseExploreState, resolveRange, viewDraft, type ExploreState } from '../../app/exploreState';
import { formatUtc } from '../../app/format';
import type { PageContext, PageInstance } from '../../app/page';
import { formatRoute, type Route } from '../../app/route';
import { ChartHost, type RenderReason } from './chartHost';
import { createControls, type ChangeKind, type Controls } from './controls';
import { createDataTable, type DataTable } from './dataTable';
import { drillHash, type DrillTarget } from './drillLink';
import { exportCsv, exportPng } from './exports';
import { buildHeatmapModel } from './heatmap';
import { heatmapView } from './heatmapView';
import { createNotice } from './notice';
import { markChange } from './perf';
import { effectiveGrain, maxPointsFor, seriesQuery } from './seriesQuery';
import { toSeriesModel, type SeriesModel, type SeriesResponse } from './seriesModel';
import { seriesView, visibleSeries } from './seriesView';
import { createShareBar, type ShareBar } from './shareBar';
import { emptyMessage } from './emptyMessage';
import { applyPageRules } from './stateRules';

type Catalog = Schemas['CatalogV1Response'];

/** Shown data: the responses of one load and the range and point budget they were asked with. */
interface Shown {
  state: ExploreState;
  model: SeriesModel;
  fromMs: number;
  toMs: number;
  maxPoints: number;
}

export async function mount(ctx: PageContext): Promise<PageInstance> {
  ctx.setTitle('Explore');
  ctx.setState('loading');
  // The chart library downloads while the catalog loads; nothing waits for it but the chart.
  void import('../../app/echarts').catch(() => undefined);

  const head = el('div', { class: 'page-head' }, el('h1', {}, 'Explore'), el('p', { class: 'muted' }, 'KPIs over time per city or stop place. Times are UTC.'));
  const body = el('div', { class: 'explore-body' }, stateBlock('loading', 'Loading the catalog…'));
  ctx.root.append(head, body);

  let page: ExplorePage | null = null;
  // The latest route: a link followed while the catalog was failing is the one shown once it loads.
  let params = ctx.route.params;
  const start = async () => {
    replaceChildren(body, stateBlock('loading', 'Loading the catalog…'));
    ctx.setState('loading');
    try {
      const { data } = await call(client.GET('/v1/catalog', { signal: ctx.signal }));
      page = new ExplorePage(ctx, body, data, params);
    } catch (error) {
      if (isAbort(error)) return;
      ctx.setState('error');
      replaceChildren(body, stateBlock('error', 'The catalog could not be loaded.', messageOf(error), { label: 'Retry', run: () => void start() }));
    }
  };
  await start();
  return {
    update: (route: Route) => {
      params = route.params;
      page?.update(route);
    },
    dispose: () => page?.dispose(),
  };
}

class ExplorePage {
  private state: ExploreState;
  private readonly catalog: Catalog;
  private readonly host: ChartHost;
  private readonly controls: Controls;
  private readonly notice = createNotice();
  private readonly table: DataTable;
  private readonly share: ShareBar;
  private readonly caption = el('div', { class: 'chart-caption' });
  private readonly busy = el('span', { class: 'badge badge-neutral chart-busy', hidden: true, 'aria-hidden': 'true' }, 'Updating…');
  /** A failed live refresh keeps the chart and says so here (the next good read clears it). */
  private readonly stale = el('span', { class: 'badge badge-warn chart-stale', id: 'explore-stale', role: 'status', hidden: true });
  private readonly overlay = el('div', { class: 'chart-overlay' });
  private responses: SeriesResponse[] = [];
  private shown: Shown | null = null;
  private generation = 0;
  private inflight: AbortController | null = null;
  private userLoadPending = false;
  private maxPoints = 0;

  constructor(private readonly ctx: PageContext, body: HTMLElement, catalog: Catalog, params: URLSearchParams) {
    this.catalog = catalog;
    this.host = new ChartHost('Chart of the chosen KPIs', {
      onPick: (target) => this.drill(target),
      onResize: (width) => {
        if (maxPointsFor(width) !== this.maxPoints && this.shown) void this.load('resize');
      },
      onRendered: () => this.rendered(),
    });
    const parsed = this.parse(params);
    this.state = parsed.state;
    this.notice.show(parsed.problems);
    this.controls = createControls(this.catalog, () => this.state, (next, kind) => this.change(next, kind));
    this.table = createDataTable((target) => drillHash(target, this.exploreHash()));
    this.share = createShareBar({
      csv: () => (this.shown ? exportCsv(this.shown.state, this.shown, this.exportSeries(), this.host.zoom) : null),
      png: () => {
        const blob = this.host.png();
        return blob && this.shown ? exportPng(this.shown.state, this.shown, blob) : null;
      },
      link: () => location.href,
      saveView: (name) => this.saveView(name),
    });

    const frame = el('div', { class: 'chart-frame explore-frame' }, this.host.element, this.overlay);
    replaceChildren(body,
      this.notice.element,
      el('div', { class: 'explore-layout' },
        this.controls.element,
        el('section', { class: 'card explore-chart-card', 'aria-label': 'Chart' },
          el('div', { class: 'chart-head' }, this.caption, el('div', { class: 'chart-badges' }, this.busy, this.stale)),
          frame,
          el('p', { class: 'field-hint chart-help' }, 'Ctrl + wheel or the slider zooms; drag pans. Click a point to see the inputs of its bucket, or use the table below.'),
          this.share.element,
          this.table.element,
        ),
      ),
    );
    this.controls.show(this.state, new Date());
    ctx.replaceParams(exploreParams(this.state));
    void this.host.load().catch((error) => this.fail(error));
    ctx.live.every(() => this.liveTick());
    markChange();
    void this.load('user');
  }

  update(route: Route): void {
    const parsed = this.parse(route.params);
    this.notice.show(parsed.problems);
    this.change(parsed.state, 'range');
  }

  dispose(): void {
    this.inflight?.abort();
    this.host.dispose();
  }

  private parse(params: URLSearchParams): { state: ExploreState; problems: string[] } {
    const parsed = parseExploreState(params, this.catalog);
    const checked = applyPageRules(parsed.state, this.catalog);
    return { state: checked.state, problems: [...parsed.problems, ...checked.problems] };
  }

  private change(next: ExploreState, kind: ChangeKind): void {
    markChange();
    const { state } = applyPageRules(next, this.catalog);
    // A new range, grain or chart shows other buckets: the old zoom would point at nothing in particular.
    if (kind === 'range' || kind === 'grain' || kind === 'chart') this.host.resetZoom();
    this.state = state;
    this.ctx.replaceParams(exploreParams(state));
    this.controls.show(state, new Date());
    void this.load('user');
  }

  private exploreHash(): string {
    return formatRoute('explore', exploreParams(this.state));
  }

  private drill(target: DrillTarget): void {
    location.hash = drillHash(target, this.exploreHash());
  }

  private async liveTick(): Promise<void> {
    // A user's change is loading: it shows the newest data anyway.
    if (this.userLoadPending) return;
    await this.load('live');
  }

  /**
   * Reads every chosen KPI's series. A newer load aborts an older one, and an older response never replaces a newer
   * one (the generation check). A live read whose answers are all 304 changes nothing at all.
   */
  private async load(reason: RenderReason): Promise<void> {
    const ticket = ++this.generation;
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    const abort = () => controller.abort();
    this.ctx.signal.addEventListener('abort', abort, { once: true });
    const state = this.state;
    const range = resolveRange(state.range, new Date());
    const maxPoints = maxPointsFor(this.host.widthPx());
    if (reason === 'user') {
      this.userLoadPending = true;
      this.host.setState('loading');
      this.ctx.setState('loading');
      this.busy.hidden = this.shown === null;
      if (!this.shown) this.showOverlay(stateBlock('loading', 'Loading the series…'));
    }
    try {
      const query = seriesQuery(state, range, maxPoints);
      const results = await Promise.all(state.kpis.map((kpi) =>
        call(client.GET('/v1/kpis/{kpi}/series', { params: { path: { kpi }, query }, signal: controller.signal }))));
      if (ticket !== this.generation) return;
      this.maxPoints = maxPoints;
      this.stale.hidden = true;
      const showingData = this.shown !== null && this.host.element.dataset.state !== 'error';
      if (reason === 'live' && showingData && results.every((r) => r.unchanged)) return;
      this.responses = results.map((r) => r.data);
      this.show(state, range, maxPoints, reason);
    } catch (error) {
      if (isAbort(error) || ticket !== this.generation) return;
      if (reason !== 'user' && this.shown && this.host.element.dataset.state === 'ready') {
        // The chart on screen is still what the API last said: keep it, and say the refresh failed.
        this.stale.textContent = `Not refreshed: ${messageOf(error)}`;
        this.stale.hidden = false;
        return;
      }
      this.fail(error);
    } finally {
      this.ctx.signal.removeEventListener('abort', abort);
      if (ticket === this.generation) {
        this.inflight = null;
        this.userLoadPending = false;
        this.busy.hidden = true;
      }
    }
  }

  private show(state: ExploreState, range: { from: string; to: string }, maxPoints: number, reason: RenderReason): void {
    const fromMs = Date.parse(range.from);
    const toMs = Date.parse(range.to);
    const model = toSeriesModel({
      kpis: state.kpis.map((id, i) => {
        const k = this.catalog.kpis.find((c) => c.id === id)!;
        return { info: { id: k.id, name: k.name, unit: k.unit }, response: this.responses[i] ?? null };
      }),
      cityOrder: this.catalog.cities.map((c) => c.id),
      stopNames: new Map(this.catalog.stopPlaces.map((s) => [s.id, s.name ?? s.id])),
    });
    this.shown = { state, model, fromMs, toMs, maxPoints };
    const grain = effectiveGrain(state);
    const first = model.series.filter((s) => s.kpi === state.kpis[0]);
    const valued = state.chart === 'heatmap' ? first.some((s) => s.points.some((p) => p.value !== null)) : model.valuedPoints > 0;
    if (!valued) return this.showEmpty(state, range);

    const kpiNames = state.kpis.map((id) => this.catalog.kpis.find((k) => k.id === id)?.name ?? id);
    const span = `${formatUtc(fromMs)} to ${formatUtc(toMs)}`;
    if (state.chart === 'heatmap') {
      const heat = buildHeatmapModel({ kind: state.heatmap, kpi: first[0] ? { id: first[0].kpi, name: first[0].kpiName, unit: first[0].unit } : { id: state.kpis[0]!, name: kpiNames[0]!, unit: '' }, series: first, chosenCities: state.cities, fromMs, toMs });
      const sampled = this.responses[0]?.series.some((s) => s.method !== 'none');
      this.setCaption(`${kpiNames[0]}: ${state.heatmap === 'hour-day' ? 'hour of day × day' : 'city × hour of day'}`,
        `${heat.source[0]!.toUpperCase()}${heat.source.slice(1)}; ${span}.${state.kpis.length > 1 ? ' Heatmaps show the first KPI.' : ''}${sampled ? ' Some hours were sampled out at this chart width.' : ''}${heat.drillable ? ' Click a cell to see its inputs.' : ''}`);
      this.host.render(heatmapView(heat), reason);
      this.table.show({ kind: 'heatmap', model: heat });
    } else {
      this.setCaption(kpiNames.join(' and '), `${grain === 'hour' ? 'Hourly' : 'Daily'} buckets, ${span}; ${model.series.length} line${model.series.length === 1 ? '' : 's'}.`);
      this.host.render(seriesView(model, { fromMs, toMs, grain }), reason);
      this.table.show({ kind: 'series', series: model.series, grain, fromMs, toMs });
    }
    this.showOverlay(null);
    this.share.setReady(true);
  }

  /** The chart has drawn what was asked (ECharts 'finished'): the page now matches the API. */
  private rendered(): void {
    this.host.setState('ready');
    this.ctx.setState('ready');
  }

  private showEmpty(state: ExploreState, range: { from: string; to: string }): void {
    this.host.clear();
    this.host.setState('empty');
    this.ctx.setState('empty');
    this.share.setReady(false);
    this.table.show(null);
    this.setCaption('No data', '');
    const message = emptyMessage(state, range, this.catalog);
    this.showOverlay(stateBlock('empty', message.title, message.detail, message.widen ? { label: message.widen.label, run: () => this.change({ ...this.state, range: message.widen!.range }, 'range') } : undefined));
  }

  private fail(error: unknown): void {
    this.host.setState('error');
    this.ctx.setState('error');
    this.share.setReady(false);
    this.showOverlay(stateBlock('error', 'The series could not be loaded.', messageOf(error), { label: 'Retry', run: () => { markChange(); void this.load('user'); } }));
  }

  private showOverlay(block: HTMLElement | null): void {
    this.overlay.hidden = block === null;
    replaceChildren(this.overlay, block);
  }

  private setCaption(title: string, detail: string): void {
    replaceChildren(this.caption, el('h2', {}, title), detail ? el('p', { class: 'muted' }, detail) : null);
    this.host.element.setAttribute('aria-label', `Chart: ${title}. ${detail} The same data is in the table below the chart.`);
  }

  /** The series the CSV holds: the visible lines of the time series, or the first KPI's series a heatmap shows. */
  private exportSeries() {
    const shown = this.shown!;
    if (shown.state.chart === 'heatmap') return { series: shown.model.series.filter((s) => s.kpi === shown.state.kpis[0]), zoomed: false };
    return { series: visibleSeries(shown.model, this.host.legendSelected), zoomed: true };
  }

  private async saveView(name: string): Promise<string> {
    const { data } = await call(client.POST('/v1/views', { body: viewDraft(this.state, name), signal: this.ctx.signal }));
    forgetCached('/v1/views');
    return data.id;
  }
}
