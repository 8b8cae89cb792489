// Raw page: one landed payload exactly as the vendor sent it (GET /api/v1/raw/{blob}), its SHA-256 computed here
// over the exact bytes and checked against the hash the lineage recorded, shown as pretty JSON, a CSV table or
// text (never as markup: payloads are hostile input), with a download of the exact bytes.
import './raw.css';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { errorFromResponse, isAbort, networkError } from '../../app/errors';
import type { PageContext, PageInstance } from '../../app/page';
import type { Route } from '../../app/route';
import { backLabel } from '../drill/backLink';
import { invalidLinkBlock, isLinkProblem, parameterOf, ProblemError, refusedBlock, unreachableBlock } from '../drill/problems';
import { sha256Hex } from './payload';
import { parseRawParams, rawApiUrl, type RawRequest } from './rawParams';
import { renderRaw, type Landed } from './rawView';

/** Where Back goes when the link names no page to return to. */
const DEFAULT_BACK = '#/explore';

export function mount(ctx: PageContext): PageInstance {
  const page = new RawPage(ctx);
  void page.show(ctx.route);
  return { update: (route) => page.show(route) };
}

class RawPage {
  private request: RawRequest | null = null;
  private failed = false;
  private loads = 0;

  constructor(private readonly ctx: PageContext) {
    // Retries on its own while the API is unreachable; a shown payload never changes (landed pages are immutable).
    ctx.live.every(async () => {
      if (this.failed && this.request) await this.load(this.request, false);
    });
  }

  async show(route: Route): Promise<void> {
    const parsed = parseRawParams(route.params);
    if (!parsed.ok) {
      this.request = null;
      this.ctx.setTitle('Raw page: invalid link');
      this.frame(DEFAULT_BACK, 'This raw page link is not valid', null, invalidLinkBlock('raw page', parsed.problems));
      this.ctx.setState('error');
      this.focusHeading();
      return;
    }
    await this.load(parsed.request, true);
  }

  private async load(request: RawRequest, focus: boolean): Promise<void> {
    const ticket = ++this.loads;
    this.request = request;
    const back = request.back ?? DEFAULT_BACK;
    this.ctx.setTitle(`Raw page ${request.blob}`);
    this.frame(back, 'Raw page', request.blob, stateBlock('loading', 'Loading the payload and checking its hash…'));
    this.ctx.setState('loading');
    try {
      const landed = await this.fetch(request);
      if (ticket !== this.loads) return;
      this.failed = false;
      this.frame(back, 'Raw page', request.blob, renderRaw(landed, request));
      this.ctx.setState('ready');
    } catch (error) {
      if (isAbort(error) || ticket !== this.loads) return;
      this.failed = !isLinkProblem(error) && !isIntegrityFailure(error);
      this.frame(back, isLinkProblem(error) && error.kind === 'not-found' ? 'No such raw page' : 'Raw page', request.blob, this.failureBlock(error, request));
      this.ctx.setState('error');
    }
    if (focus) this.focusHeading();
  }

  private async fetch(request: RawRequest): Promise<Landed> {
    let response: Response;
    try {
      response = await fetch(rawApiUrl(request.blob), { signal: this.ctx.signal });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ProblemError(networkError(), null);
    }
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      throw new ProblemError(errorFromResponse(response, body), parameterOf(body));
    }
    const bytes = await response.arrayBuffer();
    return {
      bytes,
      contentType: response.headers.get('content-type'),
      declaredSha: response.headers.get('x-content-sha256')?.toLowerCase() ?? null,
      sha256: await sha256Hex(bytes),
    };
  }

  private failureBlock(error: unknown, request: RawRequest): HTMLElement {
    if (isIntegrityFailure(error)) {
      // The API checks the stored bytes against the landed hash before it serves them; a mismatch is damage, not load.
      const block = stateBlock('error', 'This stored page failed its integrity check: its bytes do not match the SHA-256 it was landed with.', error.detail);
      block.dataset.error = 'integrity';
      return block;
    }
    if (error instanceof ProblemError && error.status === 413) {
      const block = stateBlock('error', 'This page is too large to show here.', error.detail);
      block.dataset.error = 'too-large';
      return block;
    }
    if (isLinkProblem(error)) return refusedBlock(error, `raw page ${request.blob}`);
    return unreachableBlock(error, () => void this.load(request, true));
  }

  private frame(back: string, title: string, blob: string | null, body: HTMLElement): void {
    replaceChildren(
      this.ctx.root,
      el('p', { class: 'back-row' }, el('a', { id: 'raw-back', class: 'button button-quiet', href: back }, el('span', { 'aria-hidden': 'true' }, '← '), backLabel(back))),
      el('div', { class: 'page-head raw-head' }, el('h1', { id: 'raw-title', tabindex: '-1' }, title), blob ? el('p', { class: 'mono raw-name', id: 'raw-name' }, blob) : null),
      body,
    );
  }

  private focusHeading(): void {
    this.ctx.root.querySelector<HTMLElement>('#raw-title')?.focus();
  }
}

function isIntegrityFailure(error: unknown): error is ProblemError {
  return error instanceof ProblemError && error.status === 500 && error.parameter === 'blob';
}
