// What a source's status means for people: its health, whether it is stale and why, and each run as table cells.
// Pure functions of the API's answers (no DOM, no clock of their own), so the same status always reads the same.
import type { Schemas } from '../../app/api';
import { formatAge, formatBytes, formatCount, formatMs, formatShare, formatUtc } from '../../app/format';
import { scheduleIntervalSeconds } from './cron';

export type SourceStatus = Schemas['SourceStatus'];
export type RunSummary = Schemas['RunSummary'];

export const SUCCEEDED = 'Succeeded';
export const PARTIALLY_SUCCEEDED = 'PartiallySucceeded';
export const FAILED = 'Failed';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/**
 * A push source is sent to (uploads, webhooks): it has no vendor URL to call and no schedule, so there is nothing to
 * run now or backfill. The status API does not name the kind of a push source, but it gives both of these.
 */
export function isPush(source: Pick<SourceStatus, 'baseUrl' | 'schedule'>): boolean {
  return !source.baseUrl && !source.schedule.expression;
}

export function outcomeTone(outcome: string | null | undefined): Tone {
  if (outcome === SUCCEEDED) return 'good';
  if (outcome === PARTIALLY_SUCCEEDED) return 'warn';
  if (outcome === FAILED) return 'bad';
  return 'neutral';
}

/** `PartiallySucceeded` → `Partially succeeded`. */
export function outcomeLabel(outcome: string | null | undefined): string {
  if (!outcome) return 'No runs yet';
  const words = outcome.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface Staleness {
  stale: boolean;
  /** Why, in words; null when the source is fresh or staleness cannot be judged. */
  reason: string | null;
  /** The longest the schedule lets the source go without a successful run, in seconds (null: no schedule). */
  allowedSeconds: number | null;
}

/**
 * Stale means the source has gone longer without a successful run than its schedule allows: one interval between
 * runs (read from its NCRONTAB expression, see cron.ts) plus the time its runs take (the longest recent run). An
 * open SourceStale alert says so too. A disabled source is not stale (nobody expects runs), and a source without a
 * schedule (push) is judged by its alerts only. `generatedUtc` is the API's clock, never the browser's.
 */
export function staleness(source: SourceStatus, generatedUtc: string): Staleness {
  const alert = source.alerts.find((a) => a.state === 'open' && a.kind === 'SourceStale');
  const interval = scheduleIntervalSeconds(source.schedule.expression, source.schedule.nextRunUtc, generatedUtc);
  const longestRun = Math.max(0, ...source.recentRuns.map((r) => r.durationMs)) / 1000;
  const allowed = interval === null ? null : interval + Math.ceil(longestRun);
  if (!source.enabled) return { stale: false, reason: null, allowedSeconds: allowed };
  if (alert) return { stale: true, reason: alert.detail, allowedSeconds: allowed };
  if (allowed === null) return { stale: false, reason: null, allowedSeconds: null };
  const age = source.freshness.lastSuccessAgeSeconds;
  if (age === null || age === undefined) {
    return source.recentRuns.length > 0
      ? { stale: true, reason: `No successful run among the last ${source.recentRuns.length}; the schedule runs it every ${formatAge(interval)}.`, allowedSeconds: allowed }
      : { stale: false, reason: null, allowedSeconds: allowed };
  }
  return age > allowed
    ? { stale: true, reason: `The last successful run was ${formatAge(age)} ago; the schedule runs it every ${formatAge(interval)}.`, allowedSeconds: allowed }
    : { stale: false, reason: null, allowedSeconds: allowed };
}

/** The one status of a source, as a stable code (for tests and styles) and in words. */
export type HealthCode = 'ok' | 'stale' | 'failing' | 'partial' | 'never-run' | 'disabled';

export interface Health {
  code: HealthCode;
  tone: Tone;
  label: string;
}

/**
 * One badge for the whole source: disabled, failing (the last run failed, or an alert is open), stale, partial
 * (some pages of the last run failed), never run, or OK.
 */
export function health(source: SourceStatus, stale: Staleness): Health {
  if (!source.enabled) return { code: 'disabled', tone: 'neutral', label: 'Disabled' };
  // A failed last run is the cause; its staleness (shown beside it) is the consequence.
  const last = source.freshness.lastOutcome;
  if (last === FAILED) return { code: 'failing', tone: 'bad', label: 'Failing' };
  if (stale.stale) return { code: 'stale', tone: 'warn', label: 'Stale' };
  if (source.alerts.some((a) => a.state === 'open')) return { code: 'failing', tone: 'bad', label: 'Failing (alert open)' };
  if (last === PARTIALLY_SUCCEEDED) return { code: 'partial', tone: 'warn', label: 'Partly failing' };
  if (last === SUCCEEDED) return { code: 'ok', tone: 'good', label: 'OK' };
  return { code: 'never-run', tone: 'neutral', label: isPush(source) ? 'Never run (no upload yet)' : 'Never run' };
}

/** What curation made of one run's pages: records kept as observations and records quarantined. */
export interface RunFigures {
  records: number;
  quarantined: number;
  /** Pages of the run that curation has judged so far. */
  curatedPages: number;
}

/**
 * Sums the quality API's page rows (`/v1/quality/{source}/pages`, one per curated raw page, each naming its run) per
 * run. The run history counts pages and requests; what became of the records is only known page by page.
 */
export function figuresByRun(pages: readonly Schemas['QualityPageRow'][]): Map<string, RunFigures> {
  const byRun = new Map<string, RunFigures>();
  for (const page of pages) {
    const f = byRun.get(page.runId) ?? { records: 0, quarantined: 0, curatedPages: 0 };
    f.records += page.quality.observations;
    f.quarantined += page.quality.rejected;
    f.curatedPages += 1;
    byRun.set(page.runId, f);
  }
  return byRun;
}

/** The UTC landing days of these runs' raw pages (a page lands under its run's time), newest first. */
export function landingDays(runs: readonly RunSummary[]): string[] {
  return [...new Set(runs.map((r) => r.runTimeUtc.slice(0, 10)))].sort().reverse();
}

/** A run as the table shows it: every cell already formatted. */
export interface RunCells {
  runId: string;
  time: string;
  outcome: string;
  tone: Tone;
  records: string;
  quarantined: string;
  /** Why the record counts are missing or partial, for the tooltip; null when they are complete. */
  figuresNote: string | null;
  duration: string;
  pages: string;
  bytes: string;
  requests: string;
  rateLimitWait: string;
  /** True when the run waited for the vendor's rate budget. */
  waited: boolean;
  error: string;
}

export function runCells(run: RunSummary, figures?: RunFigures): RunCells {
  const known = figures ?? (run.pages === 0 ? { records: 0, quarantined: 0, curatedPages: 0 } : undefined);
  const note = !known ? 'Not curated yet' : known.curatedPages < run.pages ? `${formatCount(known.curatedPages)} of ${formatCount(run.pages)} pages curated so far` : null;
  return {
    runId: run.runId,
    time: formatUtc(run.runTimeUtc),
    outcome: outcomeLabel(run.outcome),
    tone: outcomeTone(run.outcome),
    records: known ? formatCount(known.records) : '—',
    quarantined: known ? formatCount(known.quarantined) : '—',
    figuresNote: note,
    duration: formatMs(run.durationMs),
    pages: formatCount(run.pages),
    bytes: formatBytes(run.bytes),
    requests: formatCount(run.requests),
    rateLimitWait: run.rateLimitWaitMs > 0 ? formatMs(run.rateLimitWaitMs) : '—',
    waited: run.rateLimitWaitMs > 0,
    error: run.error ?? '',
  };
}

/**
 * The runs to show after a refresh: the fresh first page on top (it has the newest runs and any run whose record
 * changed), then the older runs already shown that the first page no longer covers, newest first, no run twice.
 */
export function mergeRuns(shown: readonly RunSummary[], firstPage: readonly RunSummary[]): RunSummary[] {
  const fresh = new Set(firstPage.map((r) => r.runId));
  const older = shown.filter((r) => !fresh.has(r.runId));
  return [...firstPage, ...older].sort((a, b) => (a.runTimeUtc < b.runTimeUtc ? 1 : a.runTimeUtc > b.runTimeUtc ? -1 : 0));
}

/** Seconds between two instants of the API (e.g. its `generatedUtc` and a run time): ages come from the API's clock, never the browser's. */
export function secondsBetween(earlier: string | null | undefined, later: string): number | null {
  if (!earlier) return null;
  const ms = Date.parse(later) - Date.parse(earlier);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null;
}

/** `0 5 * * * * (every 60 min)`; push sources and sources without a schedule say so. */
export function scheduleLabel(source: SourceStatus, generatedUtc: string): string {
  if (isPush(source)) return 'Pushed (uploads, webhooks)';
  const { expression, nextRunUtc } = source.schedule;
  if (!expression) return 'No schedule';
  const intervalSeconds = scheduleIntervalSeconds(expression, nextRunUtc, generatedUtc);
  return intervalSeconds ? `${expression} (every ${formatAge(intervalSeconds)})` : expression;
}

export interface Fact {
  label: string;
  value: string;
  tone?: Tone;
  /** A fuller value (e.g. the exact UTC time behind an age) for the tooltip. */
  title?: string;
}

/**
 * The status facts of a source's card, already in words. Ages are measured to the API's `generatedUtc` (or taken
 * from the API), so they never depend on the browser's clock.
 */
export function statusFacts(source: SourceStatus, generatedUtc: string, stale: Staleness = staleness(source, generatedUtc)): Fact[] {
  const f = source.freshness;
  const lastRunAge = secondsBetween(f.lastRunUtc, generatedUtc);
  const facts: Fact[] = [
    { label: 'Schedule', value: scheduleLabel(source, generatedUtc) },
    { label: 'Next run', value: source.schedule.nextRunUtc ? formatUtc(source.schedule.nextRunUtc) : isPush(source) ? 'Not scheduled' : source.enabled ? '—' : 'Disabled' },
    { label: 'Last run', value: f.lastRunUtc ? formatUtc(f.lastRunUtc) : 'No runs yet', ...(f.lastRunUtc ? { title: `${formatAge(lastRunAge)} ago` } : {}) },
    { label: 'Last outcome', value: outcomeLabel(f.lastOutcome), tone: outcomeTone(f.lastOutcome) },
    { label: 'Last success', value: f.lastSuccessUtc ? formatUtc(f.lastSuccessUtc) : 'Never' },
    {
      label: 'Since last success',
      value: f.lastSuccessUtc ? formatAge(f.lastSuccessAgeSeconds) : '—',
      ...(stale.stale ? { tone: 'warn' as const, title: stale.reason ?? undefined } : {}),
    },
    {
      label: 'Newest observation',
      value: f.newestObservationUtc ? `${formatAge(f.newestObservationAgeSeconds)} old` : 'None yet',
      ...(f.newestObservationUtc ? { title: formatUtc(f.newestObservationUtc) } : {}),
    },
  ];
  const latest = source.quality.latest;
  facts.push({ label: 'Quality score', value: latest ? `${formatShare(latest.score)} on ${latest.day}` : 'None yet' });
  facts.push({
    label: `Quarantined (${source.quality.days} d)`,
    value: `${formatCount(source.quality.rejected)} record${source.quality.rejected === 1 ? '' : 's'}, ${formatCount(source.quality.failedPages)} page${source.quality.failedPages === 1 ? '' : 's'}`,
    tone: source.quality.rejected > 0 || source.quality.failedPages > 0 ? 'warn' : 'neutral',
  });
  return facts;
}
