// `#/sources`: one card per declared source with its health, schedule, freshness and quality, refreshed live.
import { call, client, type Schemas } from '../../app/api';
import { el, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import type { PageContext, PageInstance } from '../../app/page';
import { formatRoute } from '../../app/route';
import { badge, factList, refreshedLine } from './parts';
import { patch } from './patch';
import { health, isPush, staleness, statusFacts, type SourceStatus } from './status';

export function mountList(ctx: PageContext): PageInstance {
  ctx.setTitle('Sources');
  const refreshed = refreshedLine();
  const asOf = refreshed.element;
  const notice = el('div', { class: 'refresh-notice' });
  const grid = el('div', { class: 'grid source-grid', 'data-sources': '' });
  const head = el(
    'div',
    { class: 'page-head' },
    el('div', {}, el('h1', {}, 'Sources'), el('p', { class: 'muted' }, 'Every declared source: whether it runs, how fresh its data is, and its quality.')),
    asOf,
  );
  let loaded = false;
  const cards = new Map<string, HTMLElement>();

  const render = (data: Schemas['SourcesResponse']) => {
    const ids = data.sources.map((s) => s.id);
    for (const [id, card] of cards) {
      if (ids.includes(id)) continue;
      card.remove();
      cards.delete(id);
    }
    data.sources.forEach((source, index) => {
      let card = cards.get(source.id);
      if (!card) {
        card = el('article', { class: 'card source-card', 'data-source': source.id });
        cards.set(source.id, card);
      }
      if (grid.children[index] !== card) grid.insertBefore(card, grid.children[index] ?? null);
      const stale = staleness(source, data.generatedUtc);
      const facts = statusFacts(source, data.generatedUtc, stale);
      const model = { source: summaryOf(source), stale, facts };
      patch(card, model, () => cardBody(source, stale, facts));
      setFlags(card, source, stale.stale, health(source, stale).code);
    });
  };

  const load = async (signal: AbortSignal, first: boolean) => {
    try {
      const { data, unchanged } = await call(client.GET('/v1/sources', { signal }));
      notice.replaceChildren();
      if (unchanged && loaded) {
        refreshed.update(data.generatedUtc);
        return;
      }
      if (data.sources.length === 0) {
        ctx.root.replaceChildren(head, stateBlock('empty', 'No sources are declared.', 'Add a source manifest under functions/Tributary.Functions/sources/ and restart the app.'));
        ctx.setState('empty');
        return;
      }
      if (!loaded) ctx.root.replaceChildren(head, notice, grid);
      loaded = true;
      render(data);
      refreshed.update(data.generatedUtc);
      ctx.setState('ready');
    } catch (error) {
      if (isAbort(error)) return;
      if (loaded && !first) {
        // Keep what is shown; say that it may be behind.
        notice.replaceChildren(stateBlock('stale', 'Live refresh failed: the status below may be out of date.', messageOf(error)));
        return;
      }
      ctx.root.replaceChildren(head, stateBlock('error', 'The sources could not be loaded.', messageOf(error), { label: 'Retry', run: () => void retry() }));
      ctx.setState('error');
    }
  };
  const retry = async () => {
    ctx.setState('loading');
    ctx.root.replaceChildren(head, stateBlock('loading', 'Loading the sources…'));
    await load(ctx.signal, true);
  };

  ctx.root.replaceChildren(head, stateBlock('loading', 'Loading the sources…'));
  void load(ctx.signal, true);
  ctx.live.every((signal) => load(signal, false));
  return {};
}

/** What a card shows of the source besides its facts (which carry the ages). */
function summaryOf(s: SourceStatus) {
  return { id: s.id, description: s.description, enabled: s.enabled, kind: s.kind, drift: s.drift.length, alerts: s.alerts.length };
}

function setFlags(card: HTMLElement, source: SourceStatus, stale: boolean, state: string): void {
  card.dataset.health = state;
  card.dataset.enabled = String(source.enabled);
  card.dataset.kind = source.kind;
  card.dataset.lastOutcome = source.freshness.lastOutcome ?? '';
  card.dataset.stale = String(stale);
}

function cardBody(source: SourceStatus, stale: ReturnType<typeof staleness>, facts: ReturnType<typeof statusFacts>): Node[] {
  const state = health(source, stale);
  const badges = el(
    'p',
    { class: 'badges' },
    badge(state.label, state.tone, { 'data-health': state.code, 'data-volatile': '' }),
    badge(isPush(source) ? 'Push' : source.kind, 'neutral', { title: isPush(source) ? 'Sent to Tributary: uploads and webhooks' : `Asked with ${source.kind}` }),
    source.enabled ? null : badge('Disabled', 'neutral'),
    stale.stale && state.code !== 'stale' ? badge('Stale', 'warn', { 'data-stale-badge': '', title: stale.reason ?? '' }) : null,
    source.alerts.length > 0 ? badge(`${source.alerts.length} open alert${source.alerts.length === 1 ? '' : 's'}`, 'bad') : null,
    source.drift.length > 0 ? badge(`${source.drift.length} drift event${source.drift.length === 1 ? '' : 's'}`, 'warn') : null,
  );
  return [
    el('h2', {}, el('a', { href: formatRoute('sources', {}, [source.id]) }, source.id)),
    source.description ? el('p', { class: 'muted source-description' }, source.description) : null,
    badges,
    stale.stale && stale.reason ? el('p', { class: 'stale-reason', 'data-volatile': '' }, stale.reason) : null,
    factList(facts),
    el('p', { class: 'card-links' }, el('a', { href: formatRoute('sources', {}, [source.id]) }, 'Runs, drift and actions'), ' · ', el('a', { href: formatRoute('quality', { source: source.id }) }, 'Quality over time')),
  ].filter((n): n is HTMLElement => n !== null);
}
