// A source's runs, newest first, a page at a time ("Show more" follows the API's continuation), with what curation
// made of each run's pages (records, quarantined) from the quality API's page rows of the runs' landing days. Rows
// are keyed by run id: a refresh adds new runs on top and rebuilds only rows whose record or figures changed.
import { call, client, type Schemas } from '../../app/api';
import { el } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import { figuresByRun, landingDays, mergeRuns, runCells, type RunFigures, type RunSummary } from './status';

export const RUNS_PER_PAGE = 10;

export interface RunsTable {
  element: HTMLElement;
  /** Reads the first page again and merges it in (live refresh). */
  refresh(signal: AbortSignal): Promise<void>;
  find(runId: string): RunSummary | undefined;
}

export function runsTable(sourceId: string, signal: AbortSignal): RunsTable {
  let runs: RunSummary[] = [];
  let figures = new Map<string, RunFigures>();
  let continuation: string | null = null;
  let paged = false;
  const rows = new Map<string, { tr: HTMLTableRowElement; signature: string }>();
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'runs-table' },
    el('caption', { class: 'visually-hidden' }, `Runs of ${sourceId}, newest first`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['Run time', 'Outcome', 'Records', 'Quarantined', 'Rate-limit wait', 'Duration', 'Pages', 'Error'].map((h, i) =>
          el('th', { scope: 'col', class: i >= 2 && i <= 6 ? 'num' : null }, h),
        ),
      ),
    ),
    body,
  );
  const empty = el('p', { class: 'muted', hidden: true, 'data-runs-empty': '' }, 'No runs yet.');
  const more = el('button', { type: 'button', class: 'button button-quiet', id: 'runs-more', hidden: true }, 'Show more');
  const moreError = el('p', { class: 'field-error', role: 'alert' });
  const scroll = el('div', { class: 'table-scroll' }, table);
  const element = el('div', { class: 'runs', 'data-runs': sourceId }, scroll, empty, el('div', { class: 'toolbar' }, more), moreError);

  const sync = () => {
    const wanted = new Set(runs.map((r) => r.runId));
    for (const [id, row] of rows) {
      if (wanted.has(id)) continue;
      row.tr.remove();
      rows.delete(id);
    }
    runs.forEach((run, index) => {
      const figure = figures.get(run.runId);
      const signature = JSON.stringify([run, figure]);
      let row = rows.get(run.runId);
      if (!row || row.signature !== signature) {
        const tr = runRow(run, figure);
        if (row) row.tr.replaceWith(tr);
        row = { tr, signature };
        rows.set(run.runId, row);
      }
      if (body.children[index] !== row.tr) body.insertBefore(row.tr, body.children[index] ?? null);
    });
    body.dataset.count = String(runs.length);
    scroll.hidden = runs.length === 0;
    empty.hidden = runs.length > 0;
    more.hidden = continuation === null;
  };

  // The page rows of every landing day shown; conditional GETs make an unchanged day cost a 304.
  const loadFigures = async (readSignal: AbortSignal) => {
    const days = await Promise.all(
      landingDays(runs).map((day) => call(client.GET('/v1/quality/{source}/pages', { params: { path: { source: sourceId }, query: { day } }, signal: readSignal }))),
    );
    figures = figuresByRun(days.flatMap(({ data }) => data.pages as Schemas['QualityPageRow'][]));
  };

  const refresh = async (refreshSignal: AbortSignal) => {
    const { data } = await call(client.GET('/v1/sources/{source}/runs', { params: { path: { source: sourceId }, query: { limit: String(RUNS_PER_PAGE) } }, signal: refreshSignal }));
    runs = mergeRuns(runs, data.runs);
    // Until "Show more" was used, the first page's token is where the next page starts.
    if (!paged) continuation = data.continuation;
    // Curation finishes after the run: the figures change while the run history does not, so they are read every time.
    await loadFigures(refreshSignal);
    sync();
  };

  more.addEventListener('click', async () => {
    if (continuation === null) return;
    more.disabled = true;
    moreError.textContent = '';
    try {
      const { data } = await call(
        client.GET('/v1/sources/{source}/runs', { params: { path: { source: sourceId }, query: { limit: String(RUNS_PER_PAGE), continuation } }, signal }),
      );
      paged = true;
      continuation = data.continuation;
      runs = mergeRuns(data.runs, runs);
      await loadFigures(signal);
      sync();
    } catch (error) {
      if (!isAbort(error)) moreError.textContent = `More runs could not be loaded: ${messageOf(error)}`;
    } finally {
      more.disabled = false;
    }
  });

  return { element, refresh, find: (runId) => runs.find((r) => r.runId === runId) };
}

function runRow(run: RunSummary, figures: RunFigures | undefined): HTMLTableRowElement {
  const c = runCells(run, figures);
  const note = c.figuresNote ?? undefined;
  return el(
    'tr',
    { 'data-run-id': c.runId, 'data-outcome': run.outcome, class: `run-${c.tone}` },
    el('td', { class: 'nowrap', 'data-volatile': '' }, c.time),
    el('td', {}, el('span', { class: `badge badge-${c.tone}` }, c.outcome)),
    el('td', { class: 'num', 'data-volatile': '', 'data-records': '', title: note ?? null }, c.records),
    el('td', { class: c.quarantined !== '0' && c.quarantined !== '—' ? 'num tone-warn' : 'num', 'data-volatile': '', 'data-quarantined-records': '', title: note ?? null }, c.quarantined),
    el('td', { class: c.waited ? 'num tone-warn' : 'num', 'data-volatile': '', 'data-rate-limit-wait': String(run.rateLimitWaitMs) }, c.rateLimitWait),
    el('td', { class: 'num', 'data-volatile': '' }, c.duration),
    el('td', { class: 'num', 'data-volatile': '', title: `${c.bytes}, ${c.requests} request${run.requests === 1 ? '' : 's'}` }, c.pages),
    el('td', { class: c.error ? 'run-error' : 'muted' }, c.error || '—'),
  );
}
