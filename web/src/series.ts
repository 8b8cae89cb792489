import type { KpiResponse } from './api';

export interface PointMeta {
  inputs: number | null;
  coverage: number | null;
}

export interface ChartSeries {
  /** City id. */
  id: string;
  /** Legend / tooltip label. */
  name: string;
  /** [time ms, value]; `null` values are gaps in the line, never zero. Sorted by time. */
  data: [number, number | null][];
  /** Per point (same index as `data`): the KPI bucket's inputs and coverage. */
  meta: PointMeta[];
  /** Number of points with a value. */
  valueCount: number;
  /** Palette slot: the city's position in the catalog, so a city keeps its colour whatever the filter. */
  colorIndex: number;
}

export interface ChartModel {
  metric: string;
  unit: string;
  series: ChartSeries[];
  /** Total non-null points over all series (what the chart actually draws). */
  pointCount: number;
  seriesCount: number;
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Turns an API response into chart series: one per city, in the order the catalog lists cities
 * (when given), each with a colour slot that stays the same as filters change. Points with an unreadable time are dropped,
 * duplicate times keep the last value.
 */
export function toChartModel(response: KpiResponse, cityOrder: readonly string[] = []): ChartModel {
  const rank = new Map(cityOrder.map((id, i) => [id, i]));
  const ordered = response.series
    .map((s, i) => ({ s, slot: rank.get(s.city) ?? cityOrder.length + i }))
    .sort((a, b) => a.slot - b.slot);

  const series: ChartSeries[] = ordered.map(({ s, slot }) => {
    const byTime = new Map<number, { value: number | null; meta: PointMeta }>();
    for (const p of s.points) {
      const t = Date.parse(p.t);
      if (!Number.isFinite(t)) continue;
      byTime.set(t, {
        value: finiteOrNull(p.value),
        meta: { inputs: finiteOrNull(p.inputs), coverage: finiteOrNull(p.coverage) },
      });
    }
    const times = [...byTime.keys()].sort((a, b) => a - b);
    const data: [number, number | null][] = [];
    const meta: PointMeta[] = [];
    let valueCount = 0;
    for (const t of times) {
      const entry = byTime.get(t)!;
      data.push([t, entry.value]);
      meta.push(entry.meta);
      if (entry.value !== null) valueCount++;
    }
    return { id: s.city, name: s.cityName?.trim() || s.city, data, meta, valueCount, colorIndex: slot };
  });

  return {
    metric: response.metric,
    unit: response.unit,
    series,
    pointCount: series.reduce((n, s) => n + s.valueCount, 0),
    seriesCount: series.length,
  };
}

/**
 * Indexes of points that have a value but no valued neighbour: with symbols hidden they would be invisible,
 * so the chart draws a dot for them.
 */
export function isolatedPointIndexes(data: readonly [number, number | null][]): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (data[i]![1] === null) continue;
    const prev = i > 0 ? data[i - 1]![1] : null;
    const next = i < data.length - 1 ? data[i + 1]![1] : null;
    if (prev === null && next === null) out.push(i);
  }
  return out;
}
