// `#/sources/<id>`: one source in full: status, admin actions, runs, quality, quarantined pages, drift and alerts.
// Each section is patched on its own during the live refresh, so an unchanged one is never touched.
import { isAdmin, onAdminChange } from '../../app/admin';
import { call, client, type Schemas } from '../../app/api';
import { toIsoDate } from '../../app/dates';
import { el, stateBlock } from '../../app/dom';
import { ApiError, isAbort, messageOf } from '../../app/errors';
import { formatCount, formatShare, formatUtc } from '../../app/format';
import type { PageContext, PageInstance } from '../../app/page';
import { formatRoute } from '../../app/route';
import { adminPanel } from './adminActions';
import { badge, factList, rawLink, refreshedLine } from './parts';
import { patch } from './patch';
import { runsTable } from './runsTable';
import { health, isPush, staleness, statusFacts, type Fact, type SourceStatus } from './status';

type QualityPage = Schemas['QualityPageRow'];
type QualityRange = Schemas['QualityRangeResponse'];

/** Days of daily quality scores the detail lists (the Quality page has the full history). */
const SCORE_DAYS = 7;

export function mountDetail(ctx: PageContext, sourceId: string): PageInstance {
  ctx.setTitle(`Source ${sourceId}`);
  ctx.root.classList.add('source-detail');
  const heading = el('h1', {}, sourceId);
  const headBadges = el('p', { class: 'badges' });
  const refreshed = refreshedLine();
  const description = el('p', { class: 'muted source-description' });
  const head = el(
    'div',
    { class: 'page-head' },
    el('div', {}, el('p', { class: 'crumb' }, el('a', { href: formatRoute('sources') }, '← All sources')), heading, description),
    el('div', { class: 'head-side' }, headBadges, refreshed.element),
  );
  const banner = el('div', { class: 'banner-host' });
  const notice = el('div', { class: 'refresh-notice' });
  // The facts change with every age; the manifest's <details> around them is built once, so it stays open or closed.
  const statusFactsHost = el('div', { 'data-section': 'status-facts' });
  const manifestHost = el('div', { 'data-section': 'manifest' });
  const statusHost = el(
    'section',
    { class: 'card', 'aria-labelledby': 'status-title', 'data-section': 'status' },
    el('h2', { id: 'status-title' }, 'Status'),
    statusFactsHost,
    el('details', { class: 'manifest-details' }, el('summary', {}, 'Manifest'), manifestHost),
  );
  const adminHost = el('div', { 'data-section': 'admin' });
  const qualityHost = el('div', { 'data-section': 'quality' });
  const quarantineHost = el('div', { 'data-section': 'quarantine' });
  const driftHost = el('div', { 'data-section': 'drift' });
  const alertsHost = el('div', { 'data-section': 'alerts' });
  const runs = runsTable(sourceId, ctx.signal);
  const runsCard = el('section', { class: 'card', 'aria-labelledby': 'runs-title', 'data-section': 'runs' }, el('h2', { id: 'runs-title' }, 'Recent runs'), runs.element);

  let current: { source: SourceStatus; generatedUtc: string } | null = null;
  let loaded = false;

  const renderAdmin = () => {
    if (!current) return;
    const source = current.source;
    adminHost.replaceChildren(
      isAdmin()
        ? adminPanel(source, {
            signal: ctx.signal,
            today: () => toIsoDate(Date.parse(current?.generatedUtc ?? source.freshness.lastRunUtc ?? new Date().toISOString())),
            nowUtc: () => current?.generatedUtc ?? new Date().toISOString(),
            refresh: () => load(ctx.signal, false),
            findRun: (id) => runs.find(id),
          })
        : el(
            'section',
            { class: 'card', 'aria-labelledby': 'admin-actions-title' },
            el('h2', { id: 'admin-actions-title' }, 'Admin actions'),
            el(
              'p',
              { class: 'muted admin-hint', 'data-admin-hint': '' },
              isPush(source) ? 'Sign in as admin (Admin sign-in, top right) to replay this source from raw.' : 'Sign in as admin (Admin sign-in, top right) to run, backfill or replay this source.',
            ),
          ),
    );
  };
  const unsubscribe = onAdminChange(renderAdmin);

  const render = (source: SourceStatus, generatedUtc: string, scores: QualityRange | null) => {
    const stale = staleness(source, generatedUtc);
    const state = health(source, stale);
    heading.textContent = source.id;
    description.textContent = source.description ?? '';
    patch(headBadges, { state, kind: source.kind, enabled: source.enabled, stale: stale.stale }, () => [
      badge(state.label, state.tone, { 'data-health': state.code, 'data-volatile': '' }),
      badge(isPush(source) ? 'Push' : source.kind, 'neutral'),
      source.enabled ? badge('Enabled', 'good') : badge('Disabled', 'neutral'),
    ]);
    ctx.root.dataset.stale = String(stale.stale);
    patch(banner, stale, () =>
      stale.stale ? stateBlock('stale', `${source.id} is stale.`, stale.reason ?? 'It has gone longer without a successful run than its schedule allows.') : null,
    );
    const facts = statusFacts(source, generatedUtc, stale);
    const manifest = manifestFacts(source);
    patch(statusFactsHost, facts, () => factList(facts));
    patch(manifestHost, manifest, () => factList(manifest));
    patch(qualityHost, { quality: source.quality, days: scores?.days ?? null }, () => qualityCard(source, scores));
    patch(driftHost, source.drift, () => driftCard(source));
    patch(alertsHost, source.alerts, () => alertsCard(source));
  };

  const loadQuarantine = async (source: SourceStatus, signal: AbortSignal) => {
    const day = source.quality.latest?.day;
    if (!day) {
      patch(quarantineHost, null, () => quarantineCard(source, null, []));
      return;
    }
    const { data, unchanged } = await call(client.GET('/v1/quality/{source}/pages', { params: { path: { source: source.id }, query: { day } }, signal }));
    if (unchanged && quarantineHost.childElementCount > 0) return;
    const held = data.pages.filter((p) => p.quarantineBlob || p.pageError);
    patch(quarantineHost, { day, held }, () => quarantineCard(source, day, held));
  };

  const load = async (signal: AbortSignal, first: boolean): Promise<void> => {
    try {
      const [{ data }, scores] = await Promise.all([
        call(client.GET('/v1/sources/{source}', { params: { path: { source: sourceId } }, signal })),
        // The default range (the last 30 UTC days to the API's today); a failure leaves the scores out, not the page.
        call(client.GET('/v1/quality/{source}', { params: { path: { source: sourceId } }, signal })).then(
          (r) => r.data,
          (error: unknown) => {
            if (isAbort(error)) throw error;
            return null;
          },
        ),
        runs.refresh(signal),
      ]);
      await loadQuarantine(data.source, signal);
      notice.replaceChildren();
      current = { source: data.source, generatedUtc: data.generatedUtc };
      if (!loaded) {
        ctx.root.replaceChildren(head, banner, notice, statusHost, adminHost, runsCard, qualityHost, quarantineHost, driftHost, alertsHost);
        loaded = true;
        renderAdmin();
      }
      render(data.source, data.generatedUtc, scores);
      refreshed.update(data.generatedUtc);
      ctx.root.dataset.generated = data.generatedUtc;
      ctx.setState('ready');
    } catch (error) {
      if (isAbort(error)) return;
      if (loaded && !first) {
        notice.replaceChildren(stateBlock('stale', 'Live refresh failed: what is shown may be out of date.', messageOf(error)));
        return;
      }
      const missing = error instanceof ApiError && error.kind === 'not-found';
      ctx.root.replaceChildren(
        head,
        missing
          ? stateBlock('error', `There is no source "${sourceId}".`, messageOf(error), { label: 'All sources', run: () => (location.hash = formatRoute('sources')) })
          : stateBlock('error', `The status of ${sourceId} could not be loaded.`, messageOf(error), { label: 'Retry', run: () => void retry() }),
      );
      ctx.setState('error');
    }
  };
  const retry = async () => {
    ctx.setState('loading');
    ctx.root.replaceChildren(head, stateBlock('loading', `Loading ${sourceId}…`));
    await load(ctx.signal, true);
  };

  ctx.root.replaceChildren(head, stateBlock('loading', `Loading ${sourceId}…`));
  void load(ctx.signal, true);
  ctx.live.every((signal) => load(signal, false));
  return { dispose: unsubscribe };
}

function manifestFacts(source: SourceStatus): Fact[] {
  if (isPush(source)) {
    return [
      { label: 'Receives', value: 'Uploads and webhooks (no vendor URL, no schedule)' },
      { label: 'Manifest', value: source.manifestSection },
    ];
  }
  return [
    { label: 'Request', value: source.kind },
    { label: 'Base URL', value: source.baseUrl ?? '—' },
    { label: 'Fan-out', value: source.fanOut === 'None' ? 'None' : `${source.fanOut} (${formatCount(source.fanOutItems)})` },
    { label: 'Auth', value: source.auth.kind === 'None' ? 'None' : `${source.auth.kind}${source.auth.secretName ? ` (secret ${source.auth.secretName})` : ''}` },
    { label: 'Paging', value: source.paging.kind === 'None' ? 'None' : `${source.paging.kind}, at most ${formatCount(source.paging.maxPages)} pages` },
    { label: 'Manifest', value: source.manifestSection },
  ];
}

const COMPONENTS = ['completeness', 'uniqueness', 'consistency', 'validity', 'timeliness', 'volume'] as const;

function qualityCard(source: SourceStatus, scores: QualityRange | null): HTMLElement {
  const q = source.quality;
  const latest = q.latest;
  const days = scores ? [...scores.days].sort((a, b) => (a.day < b.day ? 1 : -1)).slice(0, SCORE_DAYS) : null;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'quality-title', 'data-quality-score': latest?.score ?? '' },
    el('h2', { id: 'quality-title' }, 'Quality'),
    latest
      ? el(
          'div',
          { class: 'quality-latest' },
          el('p', {}, 'Latest day ', el('strong', { 'data-volatile': '' }, latest.day), ': score ', el('strong', { 'data-volatile': '', 'data-score': '' }, formatShare(latest.score))),
          el(
            'dl',
            { class: 'facts facts-compact' },
            COMPONENTS.map((c) => el('div', { class: 'fact' }, el('dt', {}, capitalise(c)), el('dd', { 'data-volatile': '', 'data-component': c }, formatShare(latest[c])))),
          ),
        )
      : el('p', { class: 'muted' }, `No quality figures in the last ${q.days} days.`),
    el(
      'p',
      { class: 'muted', 'data-volatile': '' },
      `Last ${q.days} days: ${formatCount(q.pages)} pages, ${formatCount(q.observations)} observations, ${formatCount(q.rejected)} records quarantined, ${formatCount(q.failedPages)} pages quarantined whole.`,
    ),
    days === null
      ? el('p', { class: 'muted' }, 'The daily scores could not be loaded; they are tried again on the next refresh.')
      : days.length === 0
        ? null
        : el(
            'div',
            { class: 'table-scroll' },
            el(
              'table',
              { 'data-score-days': days.length },
              el('caption', {}, `Score per UTC landing day (latest ${days.length})`),
              el('thead', {}, el('tr', {}, ['Day', 'Score', 'Observations', 'Quarantined', 'Failed pages', 'Drift'].map((h, i) => el('th', { scope: 'col', class: i > 0 ? 'num' : null }, h)))),
              el(
                'tbody',
                {},
                days.map((d) =>
                  el(
                    'tr',
                    { 'data-score-day': d.day },
                    el('td', { class: 'nowrap' }, d.day),
                    el('td', { class: 'num', 'data-volatile': '' }, formatShare(d.score)),
                    el('td', { class: 'num', 'data-volatile': '' }, formatCount(d.observations)),
                    el('td', { class: d.rejected > 0 ? 'num tone-warn' : 'num', 'data-volatile': '' }, formatCount(d.rejected)),
                    el('td', { class: d.failedPages > 0 ? 'num tone-warn' : 'num', 'data-volatile': '' }, formatCount(d.failedPages)),
                    el('td', { class: 'num', 'data-volatile': '' }, formatCount(d.driftChanges)),
                  ),
                ),
              ),
            ),
          ),
    el('p', {}, el('a', { href: formatRoute('quality', { source: source.id }) }, 'Quality over time →')),
  );
}

function quarantineCard(source: SourceStatus, day: string | null, held: QualityPage[]): HTMLElement {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'quarantine-title', 'data-quarantined': held.length },
    el('h2', { id: 'quarantine-title' }, 'Quarantined and rejected records'),
    day === null
      ? el('p', { class: 'muted' }, 'No pages landed in the last days.')
      : held.length === 0
        ? el('p', { class: 'muted' }, `No page of ${day} had records quarantined.`)
        : el(
            'div',
            { class: 'table-scroll' },
            el(
              'table',
              {},
              el('caption', { class: 'visually-hidden' }, `Pages of ${day} with quarantined records`),
              el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Raw page'), el('th', { scope: 'col', class: 'num' }, 'Rejected'), el('th', { scope: 'col' }, 'Page error'), el('th', { scope: 'col' }, 'Kept in quarantine'))),
              el(
                'tbody',
                {},
                held.map((p) =>
                  el(
                    'tr',
                    { 'data-raw-blob': p.rawBlob },
                    el('td', { class: 'blob-cell' }, rawLink(p.rawBlob)),
                    el('td', { class: 'num' }, formatCount(p.quality.rejected)),
                    el('td', { class: p.pageError ? 'run-error' : 'muted' }, p.pageError ?? '—'),
                    el('td', { class: 'mono' }, p.quarantineBlob ?? '—'),
                  ),
                ),
              ),
            ),
          ),
    day ? el('p', { class: 'muted' }, 'Pages of ', el('a', { href: formatRoute('quality', { source: source.id, from: day, to: day, day }) }, day), ' (the latest day with pages). Other days are on the Quality page.') : null,
  );
}

function driftCard(source: SourceStatus): HTMLElement {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'drift-title', 'data-drift-count': source.drift.length },
    el('h2', { id: 'drift-title' }, 'Schema drift'),
    source.drift.length === 0
      ? el('p', { class: 'muted' }, 'No payload has differed from the mapping’s schema.')
      : el(
          'div',
          { class: 'table-scroll' },
          el(
            'table',
            {},
            el('caption', { class: 'visually-hidden' }, `Schema drift events of ${source.id}`),
            el('thead', {}, el('tr', {}, ['Field', 'Change', 'Expected', 'Actual', 'First seen', 'Example page'].map((h) => el('th', { scope: 'col' }, h)))),
            el(
              'tbody',
              {},
              source.drift.map((d) =>
                el(
                  'tr',
                  { 'data-drift-field': d.field, 'data-drift-change': d.change },
                  el('td', { class: 'mono' }, d.field),
                  el('td', {}, badge(d.change, d.change === 'Added' ? 'neutral' : 'warn')),
                  el('td', { class: 'mono' }, d.expected || '—'),
                  el('td', { class: 'mono' }, d.actual || '—'),
                  el('td', { class: 'nowrap', 'data-volatile': '' }, formatUtc(d.firstSeenUtc)),
                  el('td', {}, rawLink(d.exampleBlob, 'Open the page')),
                ),
              ),
            ),
          ),
        ),
  );
}

function alertsCard(source: SourceStatus): HTMLElement {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'alerts-title', 'data-alert-count': source.alerts.length },
    el('h2', { id: 'alerts-title' }, 'Open alerts'),
    source.alerts.length === 0
      ? el('p', { class: 'muted' }, 'No alert is open for this source.')
      : el(
          'ul',
          { class: 'alert-list' },
          source.alerts.map((a) =>
            el('li', { 'data-alert-rule': a.rule }, badge(a.kind || 'Alert', 'bad'), ' ', el('strong', {}, a.rule), ` since ${formatUtc(a.sinceUtc)}: `, a.detail),
          ),
        ),
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
