// A KPI card's data health, from the API only: which sources fed the KPI's latest bucket (the drill-down's
// observations and lineage), and for each of them what GET /api/v1/sources says — how old its newest observation is,
// whether the pipeline's own staleness rule has an open alert, how many records it quarantined in the last 7 days
// and how many drift events it has. Coverage is the KPI's mean bucket coverage over the card's range (stats API).
import type { Schemas } from '../../app/api';

export type HealthLevel = 'good' | 'warn' | 'bad' | 'unknown';

export interface SourceHealth {
  id: string;
  /** The newest observation the source delivered, and its age when the API answered. */
  newestUtc: string | null;
  ageSeconds: number | null;
  /** An open SourceStale alert: the pipeline itself says the source has had no fresh run for too long. */
  stale: boolean;
  staleDetail: string | null;
  lastOutcome: string | null;
  /** Records rejected into quarantine over the API's quality window (7 days), plus pages quarantined whole. */
  quarantined: number;
  quarantinedPages: number;
  drift: number;
  /** The API does not know the source (a renamed or removed manifest). */
  missing: boolean;
}

export interface CardHealth {
  level: HealthLevel;
  label: string;
  sources: SourceHealth[];
  coverage: number | null;
  quarantined: number;
  drift: number;
  stale: SourceHealth[];
}

/** The sources behind a drilled bucket: each observation names its source, each lineage page starts with it. */
export function sourcesOfDrill(drill: Pick<Schemas['KpiDrillResponse'], 'observations' | 'lineage'>): string[] {
  const ids = new Set<string>();
  for (const o of drill.observations) if (o.source) ids.add(o.source);
  for (const l of drill.lineage) {
    const first = l.blob.split('/')[0];
    if (first) ids.add(first);
  }
  return [...ids].sort();
}

const FAILED = new Set(['failed', 'failure', 'error', 'faulted']);

export function sourceHealth(id: string, status: Schemas['SourceStatus'] | undefined): SourceHealth {
  if (!status) {
    return { id, newestUtc: null, ageSeconds: null, stale: false, staleDetail: null, lastOutcome: null, quarantined: 0, quarantinedPages: 0, drift: 0, missing: true };
  }
  const staleAlert = status.alerts.find((a) => a.state === 'open' && a.kind === 'SourceStale');
  return {
    id,
    newestUtc: status.freshness.newestObservationUtc ?? null,
    ageSeconds: status.freshness.newestObservationAgeSeconds ?? null,
    stale: staleAlert !== undefined,
    staleDetail: staleAlert?.detail ?? null,
    lastOutcome: status.freshness.lastOutcome ?? null,
    quarantined: status.quality.rejected,
    quarantinedPages: status.quality.failedPages,
    drift: status.drift.length,
    missing: false,
  };
}

/** Below this mean coverage a KPI's buckets lack a noticeable share of their inputs. */
export const LOW_COVERAGE = 0.9;

export function cardHealth(sources: SourceHealth[], coverage: number | null): CardHealth {
  const stale = sources.filter((s) => s.stale);
  const quarantined = sources.reduce((n, s) => n + s.quarantined + s.quarantinedPages, 0);
  const drift = sources.reduce((n, s) => n + s.drift, 0);
  const failed = sources.some((s) => s.lastOutcome !== null && FAILED.has(s.lastOutcome.toLowerCase()));
  let level: HealthLevel;
  let label: string;
  if (sources.length === 0) [level, label] = ['unknown', 'Sources unknown'];
  else if (stale.length > 0) [level, label] = ['bad', 'Source stale'];
  else if (failed) [level, label] = ['bad', 'Last run failed'];
  else if (quarantined > 0 || drift > 0 || (coverage !== null && coverage < LOW_COVERAGE)) [level, label] = ['warn', 'Check data'];
  else [level, label] = ['good', 'Healthy'];
  return { level, label, sources, coverage, quarantined, drift, stale };
}
