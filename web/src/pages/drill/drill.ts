// Drill-down: one KPI bucket and everything it was computed from (value or the reason for none, coverage, input
// counts, the raw pages of its lineage with their hashes, the observations), each observation and lineage page
// linking to the raw page. Read from GET /api/v1/kpis/{kpi}/buckets/{bucketStart}/inputs.
import './drill.css';
import { client, type Schemas } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import type { PageContext, PageInstance } from '../../app/page';
import { parseRoute, type Route } from '../../app/route';
import { backLabel } from './backLink';
import { drillHash, fallbackFor, nextLimit, parseDrillParams, type DrillRequest } from './drillParams';
import { renderDrill } from './drillView';
import { fetchOrThrow, invalidLinkBlock, isLinkProblem, refusedBlock, unreachableBlock } from './problems';

type Drill = Schemas['KpiDrillResponse'];

export function mount(ctx: PageContext): PageInstance {
  const page = new DrillPage(ctx);
  void page.show(ctx.route);
  return { update: (route) => page.show(route) };
}

class DrillPage {
  private request: DrillRequest | null = null;
  private failed = false;
  private loads = 0;

  constructor(private readonly ctx: PageContext) {
    // The page retries on its own while the API is unreachable (the error says so); a shown bucket stays as read.
    ctx.live.every(async () => {
      if (this.failed && this.request) await this.load(this.request, { focus: false });
    });
  }

  async show(route: Route): Promise<void> {
    const parsed = parseDrillParams(route.params);
    if (!parsed.ok) {
      this.request = null;
      this.ctx.setTitle('Drill-down: invalid link');
      this.frame(fallbackFor(route.params), 'This drill-down link is not valid', invalidLinkBlock('drill-down', parsed.problems));
      this.ctx.setState('error');
      this.focusHeading();
      return;
    }
    await this.load(parsed.request, { focus: true });
  }

  private async load(request: DrillRequest, options: { focus: boolean }): Promise<void> {
    const ticket = ++this.loads;
    this.request = request;
    this.ctx.setTitle(`Drill-down: ${request.kpi}`);
    this.frame(request.back, 'Drill-down', stateBlock('loading', 'Loading the bucket and its inputs…'));
    this.ctx.setState('loading');
    try {
      const data = await this.fetch(request);
      if (ticket !== this.loads) return;
      this.failed = false;
      this.render(request, data);
      this.ctx.setState('ready');
    } catch (error) {
      if (isAbort(error) || ticket !== this.loads) return;
      const what = `${request.kpi}, ${request.grain} bucket ${request.bucket} for ${request.stop ? `stop place ${request.stop} in ` : ''}${request.city}`;
      this.failed = !isLinkProblem(error);
      const block = isLinkProblem(error) ? refusedBlock(error, what) : unreachableBlock(error, () => void this.load(request, { focus: true }));
      this.frame(request.back, isLinkProblem(error) && error.kind === 'not-found' ? 'No such bucket' : 'Drill-down', block);
      this.ctx.setState('error');
    }
    if (options.focus) this.focusHeading();
  }

  private fetch(request: DrillRequest): Promise<Drill> {
    return fetchOrThrow(
      client.GET('/v1/kpis/{kpi}/buckets/{bucketStart}/inputs', {
        params: {
          path: { kpi: request.kpi, bucketStart: request.bucket },
          query: { city: request.city, grain: request.grain, stop: request.stop ?? undefined, limit: String(request.limit) },
        },
        signal: this.ctx.signal,
      }),
    );
  }

  private render(request: DrillRequest, data: Drill): void {
    const self = drillHash(request);
    const more = data.truncated ? nextLimit(request.limit) : null;
    const view = renderDrill(data, {
      self,
      request,
      showMore: more === null ? null : () => void this.showMore(request, more, data.observations.length),
    });
    this.frame(request.back, data.name, view, `${request.grain === 'day' ? 'Daily' : 'Hourly'} bucket and the inputs it was computed from`);
    this.ctx.setTitle(`${data.name}: drill-down`);
  }

  /**
   * Asks for more observations and writes the limit into the URL, so Back from a raw page returns to as many. What
   * is shown stays while it loads; a failure is said next to the button, which can be pressed again.
   */
  private async showMore(request: DrillRequest, limit: number, shown: number): Promise<void> {
    const button = this.ctx.root.querySelector<HTMLButtonElement>('#drill-show-more');
    const status = this.ctx.root.querySelector<HTMLElement>('#drill-show-more-status');
    if (button) {
      button.disabled = true;
      button.textContent = 'Loading more…';
    }
    const ticket = ++this.loads;
    const next = { ...request, limit };
    this.ctx.setState('loading');
    try {
      const data = await this.fetch(next);
      if (ticket !== this.loads) return;
      this.request = next;
      this.ctx.replaceParams(parseRoute(drillHash(next)).params);
      this.render(next, data);
      this.ctx.setState('ready');
      // Keyboard users continue where the new rows begin.
      const first = this.ctx.root.querySelectorAll<HTMLAnchorElement>('#drill-observations tbody .raw-link')[shown];
      (first ?? this.ctx.root.querySelector<HTMLElement>('#drill-observations-title'))?.focus();
    } catch (error) {
      if (isAbort(error) || ticket !== this.loads) return;
      this.ctx.setState('ready');
      if (button) {
        button.disabled = false;
        button.textContent = 'Show more';
      }
      if (status) status.textContent = `More observations could not be loaded: ${messageOf(error)}`;
    }
  }

  /** The page's frame: the way back, the heading (focused on load, for screen readers and keyboards), the body. */
  private frame(back: string, title: string, body: HTMLElement, subtitle?: string): void {
    replaceChildren(
      this.ctx.root,
      el('p', { class: 'back-row' }, el('a', { id: 'drill-back', class: 'button button-quiet', href: back }, el('span', { 'aria-hidden': 'true' }, '← '), backLabel(back))),
      el('div', { class: 'page-head' }, el('h1', { id: 'drill-title', tabindex: '-1' }, title), subtitle ? el('p', { class: 'muted' }, subtitle) : null),
      body,
    );
  }

  private focusHeading(): void {
    this.ctx.root.querySelector<HTMLElement>('#drill-title')?.focus();
  }
}
