// Data quality: a source's quality figures per UTC landing day (overall score and the six dimensions) as a chart and
// a table of the same figures, the score's trend, and the pages of one day. Source, days and the listed day are in
// the URL; the live ticker re-reads with If-None-Match, so an unchanged answer redraws nothing.
import './quality.css';
import { call, client, type Schemas } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import type { PageContext, PageInstance } from '../../app/page';
import { formatRoute, type Route } from '../../app/route';
import { createNotice } from '../explore/notice';
import { createQualityControls, type QualityControls, type SourceChoice } from './qualityControls';
import { QualityChartHost } from './qualityChartHost';
import { toDimensionSeries } from './qualityModel';
import { createPagesPanel, type PagesPanel } from './qualityPages';
import { parseQualityState, qualityDays, qualityParams, type QualityRange, type QualityState } from './qualityState';
import { qualityTable } from './qualityTable';
import { trendText } from './trend';

type QualityResponse = Schemas['QualityRangeResponse'];

export async function mount(ctx: PageContext): Promise<PageInstance> {
  ctx.setTitle('Data quality');
  ctx.setState('loading');
  void import('../../app/echarts').catch(() => undefined);
  const head = el('div', { class: 'page-head' }, el('h1', {}, 'Data quality'),
    el('p', { class: 'muted' }, 'Each source’s quality figures per UTC landing day: the overall score and its six dimensions, as shares of 100 %.'));
  const body = el('div', { class: 'quality-body' }, stateBlock('loading', 'Loading the sources…'));
  ctx.root.append(head, body);

  let page: QualityPage | null = null;
  let params = ctx.route.params;
  const start = async () => {
    ctx.setState('loading');
    replaceChildren(body, stateBlock('loading', 'Loading the sources…'));
    try {
      const { data } = await call(client.GET('/v1/sources', { signal: ctx.signal }));
      if (data.sources.length === 0) {
        ctx.setState('empty');
        replaceChildren(body, stateBlock('empty', 'No sources are declared.', 'Add a source manifest to the pipeline; its quality figures appear here once it lands pages.'));
        return;
      }
      page = new QualityPage(ctx, body, data.sources.map(sourceChoice), params);
    } catch (error) {
      if (isAbort(error)) return;
      ctx.setState('error');
      replaceChildren(body, stateBlock('error', 'The sources could not be loaded.', messageOf(error), { label: 'Retry', run: () => void start() }));
    }
  };
  await start();
  return {
    update: (route: Route) => {
      params = route.params;
      page?.update(route.params);
    },
    dispose: () => page?.dispose(),
  };
}

function sourceChoice(s: Schemas['SourceStatus']): SourceChoice {
  return { id: s.id, label: `${s.id} (${s.kind.toLowerCase()}${s.enabled ? '' : ', disabled'})` };
}

class QualityPage {
  private state: QualityState;
  private readonly sources: string[];
  private readonly controls: QualityControls;
  private readonly notice = createNotice();
  private readonly host = new QualityChartHost();
  private readonly overlay = el('div', { class: 'chart-overlay', hidden: true });
  private readonly caption = el('div', { class: 'chart-caption', id: 'quality-caption', 'aria-live': 'polite' });
  private readonly tableBox = el('div', { class: 'table-scroll quality-table' });
  private readonly pages: PagesPanel;
  private generation = 0;
  private inflight: AbortController | null = null;
  private lastResponse: QualityResponse | null = null;
  /** A user's change is loading: a live tick then waits (the user's read shows the newest figures anyway). */
  private userLoadPending = false;

  constructor(private readonly ctx: PageContext, body: HTMLElement, sources: SourceChoice[], params: URLSearchParams) {
    this.sources = sources.map((s) => s.id);
    const parsed = parseQualityState(params, this.sources);
    this.state = parsed.state;
    this.notice.show(parsed.problems);
    this.controls = createQualityControls(sources, (patch) => this.change(patch));
    this.pages = createPagesPanel(() => this.setDay(null));
    replaceChildren(body,
      this.notice.element,
      this.controls.element,
      el('section', { class: 'card quality-card', 'aria-label': 'Quality over time' },
        this.caption,
        el('div', { class: 'chart-frame quality-frame' }, this.host.element, this.overlay),
        el('h2', { class: 'quality-table-title' }, 'Figures per day'),
        this.tableBox),
      this.pages.element);
    this.controls.show(this.state, new Date());
    ctx.replaceParams(qualityParams(this.state));
    void this.host.load().catch((error) => this.fail(error));
    ctx.live.every(() => this.load(true));
    void this.load(false);
    void this.showPages();
  }

  update(params: URLSearchParams): void {
    const parsed = parseQualityState(params, this.sources);
    this.notice.show(parsed.problems);
    const dayChanged = parsed.state.day !== this.state.day || parsed.state.source !== this.state.source;
    this.state = parsed.state;
    this.controls.show(this.state, new Date());
    void this.load(false);
    if (dayChanged) void this.showPages();
  }

  dispose(): void {
    this.inflight?.abort();
    this.host.dispose();
  }

  private change(patch: { source?: string; range?: QualityRange }): void {
    // Another source's day list would not be this day's: close it.
    const day = patch.source && patch.source !== this.state.source ? null : this.state.day;
    this.state = { ...this.state, ...patch, day };
    this.ctx.replaceParams(qualityParams(this.state));
    this.controls.show(this.state, new Date());
    void this.load(false);
    void this.showPages();
  }

  private setDay(day: string | null): void {
    this.state = { ...this.state, day };
    this.ctx.replaceParams(qualityParams(this.state));
    void this.showPages().then(() => {
      if (day) document.getElementById('quality-pages-title')?.focus();
    });
  }

  private hash(): string {
    return formatRoute('quality', qualityParams(this.state));
  }

  private async showPages(): Promise<void> {
    if (!this.state.source) return;
    await this.pages.show(this.state.source, this.state.day, this.hash(), this.ctx.signal);
  }

  private async load(live: boolean): Promise<void> {
    const source = this.state.source;
    if (!source || (live && this.userLoadPending)) return;
    const ticket = ++this.generation;
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    this.ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const days = qualityDays(this.state.range, new Date());
    if (!live) {
      this.userLoadPending = true;
      this.ctx.setState('loading');
      this.host.setState('loading');
      this.caption.dataset.busy = 'true';
    }
    try {
      const { data, unchanged } = await call(client.GET('/v1/quality/{source}', { params: { path: { source }, query: days }, signal: controller.signal }));
      if (ticket !== this.generation) return;
      this.userLoadPending = false;
      if (live && unchanged && this.lastResponse) return;
      this.lastResponse = data;
      this.show(data);
    } catch (error) {
      if (isAbort(error) || ticket !== this.generation) return;
      this.userLoadPending = false;
      // A failed live read keeps the figures on screen; a failed user read says what happened in place of the chart.
      if (live && this.lastResponse) return;
      this.fail(error);
    } finally {
      delete this.caption.dataset.busy;
    }
  }

  private show(data: QualityResponse): void {
    const range = { from: data.from, to: data.to };
    replaceChildren(this.caption,
      el('h2', {}, `${data.source}, ${data.from} to ${data.to}`),
      el('p', { class: 'muted', id: 'quality-trend' }, data.days.length > 0 ? trendText(data.trend) : ''));
    if (data.days.length === 0) {
      this.host.clear();
      this.host.setState('empty');
      this.overlay.hidden = false;
      replaceChildren(this.overlay, stateBlock('empty', `No quality figures for ${data.source} from ${data.from} to ${data.to}.`,
        'The source landed no pages on these days. Pick more days or another source.'));
      replaceChildren(this.tableBox, el('p', { class: 'muted' }, 'No days to list.'));
      this.ctx.setState('empty');
      return;
    }
    this.overlay.hidden = true;
    replaceChildren(this.tableBox, qualityTable(data.days, data.source, (day) => this.setDay(day)));
    this.host.render(toDimensionSeries(data.days), range);
    this.host.setState('ready');
    this.ctx.setState('ready');
  }

  private fail(error: unknown): void {
    this.host.clear();
    this.host.setState('error');
    this.overlay.hidden = false;
    replaceChildren(this.overlay, stateBlock('error', 'The quality figures could not be loaded.', messageOf(error), { label: 'Retry', run: () => void this.load(false) }));
    replaceChildren(this.tableBox);
    this.ctx.setState('error');
  }
}
