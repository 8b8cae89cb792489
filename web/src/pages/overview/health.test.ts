import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../app/api';
import { cardHealth, sourceHealth, sourcesOfDrill } from './health';

const status = (over: Partial<Schemas['SourceStatus']> = {}): Schemas['SourceStatus'] => ({
  id: 'open-meteo',
  freshness: { lastRunUtc: null, lastOutcome: 'Succeeded', lastSuccessUtc: null, lastSuccessAgeSeconds: null, newestObservationUtc: '2026-12-02T13:00:00Z', newestObservationAgeSeconds: 600 },
  quality: { days: 7, pages: 3, failedPages: 0, observations: 100, rejected: 0, latest: null },
  drift: [],
  alerts: [],
  ...over,
} as Schemas['SourceStatus']);

describe('data health', () => {
  it('names the sources of a drilled bucket from its observations and its lineage pages', () => {
    const ids = sourcesOfDrill({
      observations: [{ source: 'entur-jp' }, { source: 'entur-jp' }] as Schemas['DrilledObservation'][],
      lineage: [{ blob: 'open-meteo/2026/12/02/run/1.json', sha256: 'x' }, { blob: 'entur-jp/2026/12/02/r/2.json', sha256: 'y' }],
    });
    expect(ids).toEqual(['entur-jp', 'open-meteo']);
  });

  it('is healthy with fresh sources, nothing quarantined, no drift and full coverage', () => {
    const h = cardHealth([sourceHealth('open-meteo', status())], 1);
    expect(h.level).toBe('good');
    expect(h.label).toBe('Healthy');
  });

  it('sums quarantined records and pages and drift events over the sources and asks to check the data', () => {
    const a = sourceHealth('a', status({ quality: { days: 7, pages: 3, failedPages: 1, observations: 9, rejected: 4, latest: null } }));
    const b = sourceHealth('b', status({ drift: [{ field: 'x', change: 'added', expected: '', actual: '', firstSeenUtc: '2026-12-01T00:00:00Z', exampleBlob: 'b/1' }] }));
    const h = cardHealth([a, b], 0.99);
    expect(h.quarantined).toBe(5);
    expect(h.drift).toBe(1);
    expect(h.level).toBe('warn');
  });

  it('warns on low coverage alone', () => {
    expect(cardHealth([sourceHealth('a', status())], 0.5).level).toBe('warn');
  });

  it('is stale when the pipeline has an open staleness alert for a source, not for a resolved one', () => {
    const alert = { rule: 'r', state: 'open', sinceUtc: '2026-12-01T00:00:00Z', detail: 'no fresh run', kind: 'SourceStale' };
    const stale = cardHealth([sourceHealth('a', status({ alerts: [alert] }))], 1);
    expect(stale.level).toBe('bad');
    expect(stale.stale.map((s) => s.id)).toEqual(['a']);
    expect(cardHealth([sourceHealth('a', status({ alerts: [{ ...alert, state: 'resolved' }] }))], 1).level).toBe('good');
  });

  it('flags a failed last run and a source the API does not list', () => {
    expect(cardHealth([sourceHealth('a', status({ freshness: { ...status().freshness, lastOutcome: 'Failed' } }))], 1).label).toBe('Last run failed');
    expect(sourceHealth('gone', undefined).missing).toBe(true);
    expect(cardHealth([], null).level).toBe('unknown');
  });
});
