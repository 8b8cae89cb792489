// The admin actions of one source: run now, backfill a range of days, replay landed raw pages. Each asks first,
// disables its button while it runs, follows the API's progress, and says next to its button what failed.
import { call, client, forgetCached } from '../../app/api';
import { addDays } from '../../app/dates';
import { el } from '../../app/dom';
import { ApiError, isAbort, messageOf } from '../../app/errors';
import { formatUtc } from '../../app/format';
import { confirmAction } from './confirm';
import { backfillProgress, backfillQuery, checkDays, MAX_BACKFILL_DAYS, MAX_REPLAY_DAYS, replayProgress, type DayProblem, type Progress } from './progress';
import { isPush, outcomeLabel, type RunSummary, type SourceStatus } from './status';

/** How often a running action's progress is read again. */
const POLL_MS = 2_000;
/** After this long a run that has not appeared is left to the live refresh. */
const RUN_WAIT_MS = 180_000;

export interface AdminHooks {
  signal: AbortSignal;
  /** The API's current UTC day (from its status answer), for default dates and range checks. */
  today(): string;
  nowUtc(): string;
  /** Re-reads the source's status and runs now (after an action changed them). */
  refresh(): Promise<void>;
  /** The run with this id, if the page shows it. */
  findRun(runId: string): RunSummary | undefined;
}

export function adminPanel(source: SourceStatus, hooks: AdminHooks): HTMLElement {
  const push = isPush(source);
  return el(
    'section',
    { class: 'card admin-panel', 'aria-labelledby': 'admin-actions-title', 'data-admin-panel': source.id },
    el('h2', { id: 'admin-actions-title' }, 'Admin actions'),
    push
      ? el('p', { class: 'muted', 'data-push-note': '' }, 'This source is pushed to Tributary (uploads and webhooks): it has no vendor URL and no schedule, so there is nothing to run now or backfill from. Landed uploads can be replayed from raw.')
      : null,
    push ? null : runNowAction(source, hooks),
    push ? null : backfillAction(source, hooks),
    replayAction(source, hooks),
  );
}

function statusLine(action: string): HTMLParagraphElement {
  return el('p', { class: 'action-status', id: `${action}-status`, role: 'status', 'aria-live': 'polite', 'data-status-for': action });
}

function say(line: HTMLElement, text: string, tone: 'info' | 'good' | 'bad' = 'info'): void {
  line.textContent = text;
  line.dataset.tone = tone;
}

function runNowAction(source: SourceStatus, hooks: AdminHooks): HTMLElement {
  const status = statusLine('run-now');
  const button = el('button', { type: 'button', class: 'button', id: 'run-now' }, 'Run now');
  button.addEventListener('click', async () => {
    const ok = await confirmAction(
      {
        title: `Run ${source.id} now?`,
        detail: `This calls the vendor once now, as the schedule would (${source.fanOutItems || 1} request target${source.fanOutItems === 1 ? '' : 's'}), within its rate budget, and curates what it lands.`,
        confirmLabel: 'Run now',
      },
      hooks.signal,
    );
    if (!ok) return;
    button.disabled = true;
    say(status, 'Queuing the run…');
    try {
      const { data } = await call(client.POST('/v1/admin/sources/{source}/run', { params: { path: { source: source.id } }, signal: hooks.signal }));
      status.dataset.runId = data.runId;
      say(status, `Run ${data.runId} queued for ${formatUtc(data.runTimeUtc)}; waiting for it to finish…`);
      const run = await waitForRun(data.runId, hooks);
      if (run) {
        status.dataset.outcome = run.outcome;
        say(status, `Run ${data.runId}: ${outcomeLabel(run.outcome)}${run.error ? ` (${run.error})` : ''}.`, run.outcome === 'Failed' ? 'bad' : 'good');
      } else {
        say(status, `Run ${data.runId} is queued; it has not finished yet and will appear in the runs below when it does.`);
      }
    } catch (error) {
      if (isAbort(error)) return;
      say(status, failure('Run now', error), 'bad');
    } finally {
      button.disabled = false;
    }
  });
  return el(
    'div',
    { class: 'admin-action', 'data-action': 'run-now' },
    el('h3', {}, 'Run now'),
    el('p', { class: 'muted' }, 'Fetch once now, outside the schedule.'),
    el('div', { class: 'toolbar' }, button),
    status,
  );
}

async function waitForRun(runId: string, hooks: AdminHooks): Promise<RunSummary | undefined> {
  const deadline = Date.now() + RUN_WAIT_MS;
  for (;;) {
    forgetCached('/v1/sources');
    await hooks.refresh();
    const run = hooks.findRun(runId);
    if (run) return run;
    if (Date.now() > deadline) return undefined;
    await sleep(POLL_MS, hooks.signal);
  }
}

interface RangeForm {
  form: HTMLFormElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  button: HTMLButtonElement;
  progress: HTMLProgressElement;
  status: HTMLParagraphElement;
}

function rangeForm(action: string, title: string, help: string, buttonLabel: string, today: string, extra?: HTMLElement): RangeForm {
  const yesterday = addDays(today, -1);
  const from = el('input', { type: 'date', id: `${action}-from`, name: 'from', value: yesterday, max: today, required: true });
  const to = el('input', { type: 'date', id: `${action}-to`, name: 'to', value: yesterday, max: today, required: true });
  const button = el('button', { type: 'submit', class: 'button', id: `${action}-start` }, buttonLabel);
  const progress = el('progress', { class: 'action-progress', max: 1, value: 0, hidden: true, 'aria-label': `${title} progress` });
  const status = statusLine(action);
  const form = el(
    'form',
    { class: 'admin-action', 'data-action': action, novalidate: true },
    el('h3', {}, title),
    el('p', { class: 'muted' }, help),
    el(
      'div',
      { class: 'toolbar' },
      el('div', { class: 'field' }, el('label', { for: from.id }, 'From (UTC day)'), from),
      el('div', { class: 'field' }, el('label', { for: to.id }, 'To (UTC day, included)'), to),
      extra ?? null,
      button,
    ),
    progress,
    status,
  );
  return { form, from, to, button, progress, status };
}

/**
 * Marks the input a problem names (aria-invalid, described by the status line), focuses it and says what is wrong;
 * clears the marks when the range is fine. Returns whether the range may be sent.
 */
function validRange(parts: RangeForm, problem: DayProblem | null, action: string): boolean {
  for (const input of [parts.from, parts.to]) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
  delete parts.form.dataset.invalid;
  if (!problem) return true;
  const input = problem.field === 'from' ? parts.from : parts.to;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', parts.status.id);
  parts.form.dataset.invalid = problem.field;
  delete parts.form.dataset.progress;
  parts.progress.hidden = true;
  say(parts.status, `${action} not started: ${problem.message}`, 'bad');
  input.focus();
  return false;
}

function showProgress(parts: RangeForm, progress: Progress): void {
  parts.progress.hidden = false;
  parts.progress.max = progress.max;
  parts.progress.value = progress.value;
  parts.form.dataset.progress = progress.finished ? (progress.failed ? 'failed' : 'done') : 'running';
  say(parts.status, progress.text, progress.finished ? (progress.failed ? 'bad' : 'good') : 'info');
}

function backfillAction(source: SourceStatus, hooks: AdminHooks): HTMLElement {
  const parts = rangeForm('backfill', 'Backfill', `Fetch a past range again from the vendor (at most ${MAX_BACKFILL_DAYS} days), in chunks within its rate budget.`, 'Backfill', hooks.today());
  parts.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validRange(parts, checkDays(parts.from.value, parts.to.value, hooks.today(), MAX_BACKFILL_DAYS), 'Backfill')) return;
    const query = backfillQuery(parts.from.value, parts.to.value, hooks.nowUtc());
    const ok = await confirmAction(
      {
        title: `Backfill ${source.id}?`,
        detail: `This asks the vendor again for ${parts.from.value} to ${parts.to.value} (UTC), chunk by chunk, and re-curates what it lands. It can take a while and uses the source's rate budget.`,
        confirmLabel: 'Start backfill',
      },
      hooks.signal,
    );
    if (!ok) return;
    parts.button.disabled = true;
    delete parts.form.dataset.progress;
    say(parts.status, 'Queuing the backfill…');
    try {
      const args = { params: { path: { source: source.id }, query }, signal: hooks.signal };
      let { data } = await call(client.POST('/admin/backfill/{source}', args));
      showProgress(parts, backfillProgress(data));
      while (!backfillProgress(data).finished) {
        await sleep(POLL_MS, hooks.signal);
        ({ data } = await call(client.GET('/admin/backfill/{source}', args)));
        showProgress(parts, backfillProgress(data));
      }
      forgetCached('/v1/');
      await hooks.refresh();
    } catch (error) {
      if (isAbort(error)) return;
      parts.form.dataset.progress = 'error';
      say(parts.status, failure('Backfill', error), 'bad');
    } finally {
      parts.button.disabled = false;
    }
  });
  return parts.form;
}

function replayAction(source: SourceStatus, hooks: AdminHooks): HTMLElement {
  const force = el('input', { type: 'checkbox', id: 'replay-force', name: 'force' });
  const forceField = el('div', { class: 'field field-inline' }, force, el('label', { for: force.id }, 'Again, even if this range was replayed'));
  const parts = rangeForm('replay', 'Replay from raw', `Re-curate the raw pages already landed on these days (at most ${MAX_REPLAY_DAYS}), without calling the vendor.`, 'Replay', hooks.today(), forceField);
  parts.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validRange(parts, checkDays(parts.from.value, parts.to.value, hooks.today(), MAX_REPLAY_DAYS), 'Replay')) return;
    const ok = await confirmAction(
      {
        title: `Replay ${source.id} from raw?`,
        detail: `This re-curates every raw page ${source.id} landed from ${parts.from.value} to ${parts.to.value} (UTC): observations, quality and KPIs of those days are computed again.`,
        confirmLabel: 'Start replay',
      },
      hooks.signal,
    );
    if (!ok) return;
    parts.button.disabled = true;
    delete parts.form.dataset.progress;
    say(parts.status, 'Starting the replay…');
    try {
      const query = { from: parts.from.value, to: parts.to.value, ...(force.checked ? { force: 'true' } : {}) };
      let { data } = await call(client.POST('/admin/replay/{source}', { params: { path: { source: source.id }, query }, signal: hooks.signal }));
      parts.form.dataset.replayId = data.id;
      showProgress(parts, replayProgress(data));
      while (!replayProgress(data).finished) {
        await sleep(POLL_MS, hooks.signal);
        ({ data } = await call(client.GET('/admin/replay/{source}/{id}', { params: { path: { source: source.id, id: data.id } }, signal: hooks.signal })));
        showProgress(parts, replayProgress(data));
      }
      forgetCached('/v1/');
      await hooks.refresh();
    } catch (error) {
      if (isAbort(error)) return;
      parts.form.dataset.progress = 'error';
      say(parts.status, failure('Replay', error), 'bad');
    } finally {
      parts.button.disabled = false;
    }
  });
  return parts.form;
}

/** What failed, plainly: a refused key says so and what to do, instead of the API's bare status. */
function failure(action: string, error: unknown): string {
  if (error instanceof ApiError && error.kind === 'auth') {
    return `${action} refused (${error.status}): the admin key was not accepted. Sign out, then sign in again with the right key.`;
  }
  return `${action} failed: ${messageOf(error)}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
