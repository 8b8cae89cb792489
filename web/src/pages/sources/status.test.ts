import { describe, expect, it } from 'vitest';
import { figuresByRun, health, landingDays, mergeRuns, outcomeLabel, runCells, secondsBetween, staleness, statusFacts, type RunSummary, type SourceStatus } from './status';

/** The API's time of the answers below. */
const NOW = '2026-12-02T11:25:00Z';

const HOUR = 3600;

function run(runTimeUtc: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: runTimeUtc.replace(/[-:]/g, '').slice(0, 13),
    runTimeUtc,
    startedUtc: runTimeUtc,
    durationMs: 1_200,
    outcome: 'Succeeded',
    pages: 3,
    bytes: 2048,
    requests: 3,
    rateLimitWaitMs: 0,
    error: null,
    ...overrides,
  };
}

function source(overrides: Partial<SourceStatus> = {}): SourceStatus {
  return {
    id: 'open-meteo',
    manifestSection: 'Sources:OpenMeteo',
    description: 'Weather',
    enabled: true,
    kind: 'Get',
    baseUrl: 'http://vendor/',
    fanOut: 'Cities',
    fanOutItems: 3,
    auth: { kind: 'None', name: null, secretName: null, tokenUrl: null, tokenRequestFormat: null },
    paging: { kind: 'None', pageSize: null, maxPages: 1 },
    schedule: { expression: '0 5 * * * *', setting: 'IngestWeatherSchedule', nextRunUtc: '2026-12-02T12:05:00Z'},
    freshness: {
      lastRunUtc: '2026-12-02T11:05:00Z',
      lastOutcome: 'Succeeded',
      lastSuccessUtc: '2026-12-02T11:05:00Z',
      lastSuccessAgeSeconds: 20 * 60,
      newestObservationUtc: '2026-12-02T11:00:00Z',
      newestObservationAgeSeconds: 25 * 60,
    },
    recentRuns: [run('2026-12-02T11:05:00Z')],
    quality: { days: 7, pages: 12, failedPages: 0, observations: 300, rejected: 2, latest: null },
    drift: [],
    alerts: [],
    ...overrides,
  };
}

describe('staleness', () => {
  it('is fresh while the last success is within one interval plus the longest run', () => {
    const s = source({ freshness: { ...source().freshness, lastSuccessAgeSeconds: HOUR + 1 } });
    expect(staleness(s, NOW)).toEqual({ stale: false, reason: null, allowedSeconds: HOUR + 2 });
  });

  it('is stale once the last success is older than the schedule allows, and says by how much', () => {
    const s = source({ freshness: { ...source().freshness, lastSuccessAgeSeconds: 3 * HOUR } });
    const result = staleness(s, NOW);
    expect(result.stale).toBe(true);
    expect(result.reason).toBe('The last successful run was 3 h ago; the schedule runs it every 60 min.');
  });

  it('derives the allowance from the API: a daily schedule lets a source go a day', () => {
    const daily = source({ schedule: { ...source().schedule, expression: '0 5 0 * * *', nextRunUtc: '2026-12-03T00:05:00Z' }, freshness: { ...source().freshness, lastSuccessAgeSeconds: 20 * HOUR } });
    expect(staleness(daily, NOW).stale).toBe(false);
  });

  it('is stale when runs exist but none succeeded', () => {
    const s = source({
      freshness: { ...source().freshness, lastOutcome: 'Failed', lastSuccessUtc: null, lastSuccessAgeSeconds: null },
      recentRuns: [run('2026-12-02T11:05:00Z', { outcome: 'Failed', error: 'vendor 503' })],
    });
    expect(staleness(s, NOW)).toMatchObject({ stale: true, reason: 'No successful run among the last 1; the schedule runs it every 60 min.' });
  });

  it('is never stale when disabled, and push sources are judged by their alerts only', () => {
    const old = { ...source().freshness, lastSuccessAgeSeconds: 99 * HOUR };
    expect(staleness(source({ enabled: false, freshness: old }), NOW).stale).toBe(false);
    const push = source({ baseUrl: null, schedule: { expression: null, setting: null, nextRunUtc: null }, freshness: old });
    expect(staleness(push, NOW)).toEqual({ stale: false, reason: null, allowedSeconds: null });
    const alerted = { ...push, alerts: [{ rule: 'counters-fresh', state: 'open', kind: 'SourceStale', sinceUtc: '2026-12-02T09:00:00Z', detail: 'no fresh run for 120 minutes' }] };
    expect(staleness(alerted, NOW)).toMatchObject({ stale: true, reason: 'no fresh run for 120 minutes' });
  });
});

describe('health', () => {
  it('names the worst thing about the source', () => {
    const judge = (s: SourceStatus) => health(s, staleness(s, NOW));
    expect(judge(source())).toEqual({ code: 'ok', tone: 'good', label: 'OK' });
    expect(judge(source({ enabled: false })).code).toBe('disabled');
    expect(judge(source({ freshness: { ...source().freshness, lastOutcome: 'Failed' } }))).toEqual({ code: 'failing', tone: 'bad', label: 'Failing' });
    expect(judge(source({ freshness: { ...source().freshness, lastOutcome: 'PartiallySucceeded' } })).code).toBe('partial');
    expect(judge(source({ freshness: { ...source().freshness, lastSuccessAgeSeconds: 5 * HOUR } })).code).toBe('stale');
    expect(judge(source({ recentRuns: [], freshness: { ...source().freshness, lastRunUtc: null, lastOutcome: null, lastSuccessUtc: null, lastSuccessAgeSeconds: null } })).code).toBe('never-run');
    const idlePush = source({ recentRuns: [], baseUrl: null, schedule: { expression: null, setting: null, nextRunUtc: null }, freshness: { ...source().freshness, lastOutcome: null } });
    expect(judge(idlePush)).toEqual({ code: 'never-run', tone: 'neutral', label: 'Never run (no upload yet)' });
  });
});

describe('runs', () => {
  it('formats every cell of a run, marking waits and errors', () => {
    const cells = runCells(run('2026-12-02T11:05:00Z', { outcome: 'PartiallySucceeded', rateLimitWaitMs: 1500, error: 'page 2: 429' }));
    expect(cells).toEqual({
      runId: '20261202T1105',
      time: '2026-12-02 11:05 UTC',
      outcome: 'Partially succeeded',
      tone: 'warn',
      records: '—',
      quarantined: '—',
      figuresNote: 'Not curated yet',
      duration: '1.2 s',
      pages: '3',
      bytes: '2.0 KB',
      requests: '3',
      rateLimitWait: '1.5 s',
      waited: true,
      error: 'page 2: 429',
    });
    expect(runCells(run('2026-12-02T11:05:00Z')).rateLimitWait).toBe('—');
    expect(outcomeLabel(null)).toBe('No runs yet');
  });

  it('sums records and quarantined records per run from the quality page rows, and says when curation is behind', () => {
    const page = (runId: string, observations: number, rejected: number) =>
      ({ rawBlob: `b/${runId}/${observations}`, runId, quarantineBlob: null, pageError: null, quality: { observations, rejected } }) as never;
    const figures = figuresByRun([page('20261202T1105Z', 40, 2), page('20261202T1105Z', 30, 0), page('20261202T1005Z', 10, 1)]);
    expect(figures.get('20261202T1105Z')).toEqual({ records: 70, quarantined: 2, curatedPages: 2 });
    const r = run('2026-12-02T11:05:00Z', { pages: 3 });
    expect(runCells(r, figures.get('20261202T1105Z'))).toMatchObject({ records: '70', quarantined: '2', figuresNote: '2 of 3 pages curated so far' });
    expect(runCells(run('2026-12-02T11:05:00Z', { pages: 2 }), figures.get('20261202T1105Z')).figuresNote).toBeNull();
    expect(runCells(run('2026-12-02T11:05:00Z', { pages: 0, outcome: 'Failed' })).records).toBe('0');
    expect(landingDays([run('2026-12-02T11:05:00Z'), run('2026-12-01T23:05:00Z'), run('2026-12-02T10:05:00Z')])).toEqual(['2026-12-02', '2026-12-01']);
  });

  it('merges a fresh first page over the shown runs: new on top, changed replaced, older kept, none twice', () => {
    const shown = [run('2026-12-02T11:00:00Z', { outcome: 'Failed' }), run('2026-12-02T10:00:00Z'), run('2026-12-02T09:00:00Z')];
    const first = [run('2026-12-02T12:00:00Z'), run('2026-12-02T11:00:00Z')];
    const merged = mergeRuns(shown, first);
    expect(merged.map((r) => r.runTimeUtc)).toEqual(['2026-12-02T12:00:00Z', '2026-12-02T11:00:00Z', '2026-12-02T10:00:00Z', '2026-12-02T09:00:00Z']);
    expect(merged[1]!.outcome).toBe('Succeeded');
  });
});

describe('status facts', () => {
  it('measures ages to the API’s time, not the browser’s', () => {
    expect(secondsBetween('2026-12-02T11:05:00Z', '2026-12-02T11:25:00Z')).toBe(1200);
    expect(secondsBetween(null, '2026-12-02T11:25:00Z')).toBeNull();
    const facts = statusFacts(source(), '2026-12-02T11:25:00Z');
    expect(facts.find((f) => f.label === 'Last run')!.title).toBe('20 min ago');
    expect(facts.map((f) => [f.label, f.value])).toEqual([
      ['Schedule', '0 5 * * * * (every 60 min)'],
      ['Next run', '2026-12-02 12:05 UTC'],
      ['Last run', '2026-12-02 11:05 UTC'],
      ['Last outcome', 'Succeeded'],
      ['Last success', '2026-12-02 11:05 UTC'],
      ['Since last success', '20 min'],
      ['Newest observation', '25 min old'],
      ['Quality score', 'None yet'],
      ['Quarantined (7 d)', '2 records, 0 pages'],
    ]);
  });

  it('says a push source is not scheduled', () => {
    const push = source({ baseUrl: null, schedule: { expression: null, setting: null, nextRunUtc: null } });
    const facts = statusFacts(push, '2026-12-02T11:25:00Z');
    expect(facts[0]!.value).toBe('Pushed (uploads, webhooks)');
    expect(facts[1]!.value).toBe('Not scheduled');
  });
});
