// What a card shows, from one series response: the cities averaged bucket by bucket (or the one chosen city), the
// latest valued bucket, and the mean of the last half of the range against the half before.
import type { Schemas } from '../../app/api';
import type { CardFigures } from './card';
import { averageSeries, meanBetween, type SparkPoint } from './sparkline';

export const HOUR = 3_600_000;

export interface CardRange {
  grain: 'hour' | 'day';
  from: number;
  to: number;
  /** The compared halves, in words. */
  period: string;
}

/** Hourly KPIs: the last 48 h, 24 h against 24 h. Daily-only KPIs: the last 14 days, a week against a week. */
export function cardRange(kpi: Pick<Schemas['CatalogKpi'], 'grains'>, now: number): CardRange {
  const grain = kpi.grains.includes('hour') ? 'hour' : 'day';
  const to = Math.ceil(now / HOUR) * HOUR;
  const span = grain === 'hour' ? 48 * HOUR : 14 * 24 * HOUR;
  return { grain, from: to - span, to, period: grain === 'hour' ? '24 h' : '7 days' };
}

export function cardFigures(series: Schemas['SeriesV1Response'], range: CardRange, held: CardFigures['held'] = null): CardFigures {
  const points: SparkPoint[] = averageSeries(series.series.map((s) => s.points.map((p) => ({ t: Date.parse(p.t), value: p.value ?? null }))));
  const latest = [...points].reverse().find((p) => p.value !== null) ?? null;
  const half = (range.to - range.from) / 2;
  const now = meanBetween(points, range.to - half, range.to);
  const before = meanBetween(points, range.from, range.to - half);
  return {
    points,
    latest,
    change: now !== null && before !== null ? now - before : null,
    period: range.period,
    grain: range.grain,
    from: range.from,
    to: range.to,
    held,
  };
}

/** Each city's latest bucket with a value: the buckets whose inputs name the sources behind the card. */
export function latestBuckets(series: Schemas['SeriesV1Response']): { city: string; t: string }[] {
  const out: { city: string; t: string }[] = [];
  for (const s of series.series) {
    const last = [...s.points].reverse().find((p) => p.value !== null && p.value !== undefined);
    if (last) out.push({ city: s.city, t: last.t });
  }
  return out;
}
