// Series responses for the unit tests (not shipped: only *.test.ts import this).
import type { SeriesPoint, SeriesResponse } from './seriesModel';

export function point(t: string, value: number | null, extra: Partial<SeriesPoint> = {}): SeriesPoint {
  return { t, value, inputs: value === null ? 0 : 4, coverage: value === null ? 0 : 1, reason: value === null ? 'no_inputs' : null, ...extra };
}

export function response(kpi: string, unit: string, series: { city: string; cityName?: string; stop?: string; points: SeriesPoint[] }[]): SeriesResponse {
  return {
    kpi,
    unit,
    grain: 'hour',
    from: '2026-12-01T00:00:00Z',
    to: '2026-12-03T00:00:00Z',
    stopPlace: series[0]?.stop ?? null,
    maxPoints: 1000,
    series: series.map((s) => ({
      city: s.city,
      cityName: s.cityName ?? s.city[0]!.toUpperCase() + s.city.slice(1),
      stopPlace: s.stop ?? null,
      method: 'none',
      rawPoints: s.points.length,
      rawNulls: s.points.filter((p) => p.value === null).length,
      returnedPoints: s.points.length,
      returnedNulls: s.points.filter((p) => p.value === null).length,
      points: s.points,
    })),
  };
}
