// What the Explore chart shows, built from the API's series responses: one line per KPI and city (or stop place),
// each on the y-axis of its unit. Pure (no DOM, no ECharts), so the chart, the table and the CSV export read the
// same model and it is unit-tested.
import type { Schemas } from '../../app/api';

export type SeriesResponse = Schemas['SeriesV1Response'];
export type SeriesPoint = Schemas['KpiSeriesPoint'];

export interface KpiInfo {
  id: string;
  name: string;
  unit: string;
}

export interface ShownSeries {
  /** Stable key (kpi/city/stop): legend selection and colours follow it across refreshes. */
  key: string;
  /** Legend and tooltip label. */
  name: string;
  kpi: string;
  kpiName: string;
  unit: string;
  city: string;
  cityName: string;
  stop: string | null;
  /** 0 = left axis (first unit), 1 = right axis (second unit). */
  axis: 0 | 1;
  colorIndex: number;
  /** 0.. for the KPI's line style (solid, dashed, ...), so one city's KPIs share a colour yet stay apart. */
  dashIndex: number;
  /** The points as the API returned them (after its downsampling), sorted by time. */
  points: SeriesPoint[];
  /** Milliseconds of each point's `t` (same index as `points`). */
  times: number[];
}

export interface SeriesModel {
  series: ShownSeries[];
  /** The UCUM unit of each axis: one or two. */
  units: string[];
  /** Points with a value over all series (null gap markers are not drawn). */
  valuedPoints: number;
}

export interface UnitAxes {
  /** Units in the order the KPIs were chosen: the first on the left axis, the second on the right. */
  units: string[];
  /** KPIs whose unit would need a third axis (left out of the chart). */
  overflow: string[];
}

/** Groups KPIs by UCUM unit: at most two units fit (left and right y-axis); later ones are named in `overflow`. */
export function unitAxes(kpis: readonly KpiInfo[]): UnitAxes {
  const units: string[] = [];
  const overflow: string[] = [];
  for (const kpi of kpis) {
    if (units.includes(kpi.unit)) continue;
    if (units.length < 2) units.push(kpi.unit);
    else overflow.push(kpi.id);
  }
  return { units, overflow };
}

export interface ModelInput {
  /** The chosen KPIs in order, each with its response (null while not loaded). */
  kpis: readonly { info: KpiInfo; response: SeriesResponse | null }[];
  /** Catalog order of the cities: a city keeps its colour whatever the filter. */
  cityOrder: readonly string[];
  /** Stop place id → name, for the labels of a stop's lines. */
  stopNames?: ReadonlyMap<string, string>;
}

export function toSeriesModel(input: ModelInput): SeriesModel {
  const { units } = unitAxes(input.kpis.map((k) => k.info));
  const rank = new Map(input.cityOrder.map((id, i) => [id, i]));
  const series: ShownSeries[] = [];
  const multipleKpis = input.kpis.length > 1;
  input.kpis.forEach(({ info, response }, kpiIndex) => {
    const axis = units.indexOf(info.unit);
    if (axis < 0 || !response) return;
    const ordered = [...response.series].sort((a, b) => (rank.get(a.city) ?? 99) - (rank.get(b.city) ?? 99));
    for (const s of ordered) {
      const points = [...s.points].filter((p) => Number.isFinite(Date.parse(p.t))).sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
      const cityName = s.cityName?.trim() || s.city;
      const where = s.stopPlace ? `${input.stopNames?.get(s.stopPlace) ?? s.stopPlace} (${cityName})` : cityName;
      series.push({
        key: `${info.id}/${s.city}/${s.stopPlace ?? ''}`,
        name: multipleKpis ? `${info.name} · ${where}` : where,
        kpi: info.id,
        kpiName: info.name,
        unit: info.unit,
        city: s.city,
        cityName,
        stop: s.stopPlace ?? null,
        axis: axis as 0 | 1,
        // One stop place: one line per KPI, so the KPIs get the colours; else the cities do.
        colorIndex: s.stopPlace ? kpiIndex : (rank.get(s.city) ?? series.length),
        dashIndex: s.stopPlace ? 0 : kpiIndex,
        points,
        times: points.map((p) => Date.parse(p.t)),
      });
    }
  });
  return { series, units, valuedPoints: series.reduce((n, s) => n + s.points.filter((p) => isValue(p.value)).length, 0) };
}

export function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Index of the point whose time is nearest to `ms` (binary search over sorted times); -1 for no points. */
export function nearestIndex(times: readonly number[], ms: number): number {
  if (times.length === 0) return -1;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(times[lo - 1]! - ms) <= Math.abs(times[lo]! - ms)) return lo - 1;
  return lo;
}

/**
 * A valued point near the middle of the visible window of the first series that has one: what tests click to
 * drill down, and where a keyboard user's focus would land. Returns the series and point index.
 */
export function middlePoint(series: readonly ShownSeries[], fromMs: number, toMs: number): { series: number; point: number } | null {
  const middle = (fromMs + toMs) / 2;
  for (let s = 0; s < series.length; s++) {
    const { times, points } = series[s]!;
    let best = -1;
    for (let i = 0; i < times.length; i++) {
      if (times[i]! < fromMs || times[i]! > toMs || !isValue(points[i]!.value)) continue;
      if (best < 0 || Math.abs(times[i]! - middle) < Math.abs(times[best]! - middle)) best = i;
    }
    if (best >= 0) return { series: s, point: best };
  }
  return null;
}
