// Explore's heatmaps of the first KPI, from the same hourly series the line chart reads:
//   hour-day:  hour of day (rows) × UTC day (columns); one city (the first selected, or the stop) or the cities averaged
//   city-hour: city (rows) × hour of day (columns), each cell the mean over the range's days
// A cell with no value stays empty (never 0). Pure: ECharts types only.
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { DAY_MS, toIsoDate } from '../../app/dates';
import type { HeatmapKind } from '../../app/exploreState';
import { formatUtc, formatValue } from '../../app/format';
import { CHART_FONT, type ChartPalette } from './seriesChart';
import { isValue, type KpiInfo, type ShownSeries } from './seriesModel';
import { escapeHtml } from './tooltip';

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;

const HOUR_MS = 3_600_000;
export const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

export interface HeatCell {
  x: number;
  y: number;
  value: number | null;
  /** The bucket's start as the API wrote it, when the cell is one stored bucket of one city (drillable). */
  bucket: string | null;
  city: string | null;
  stop: string | null;
  /** How many buckets the cell's value averages. */
  samples: number;
}

export interface HeatmapModel {
  kind: HeatmapKind;
  kpi: KpiInfo;
  xLabels: string[];
  yLabels: string[];
  xTitle: string;
  yTitle: string;
  /** Every cell of the grid, row by row; `value` null where there is none. */
  cells: HeatCell[];
  /** What the cells show, for the caption: e.g. "Oslo (the first selected city)" or "the 3 cities averaged". */
  source: string;
  /** True when a cell is one city's bucket, so clicking it can open the bucket's inputs. */
  drillable: boolean;
}

export interface HeatmapInput {
  kind: HeatmapKind;
  kpi: KpiInfo;
  /** The first KPI's series (hourly), one per city or the one stop place. */
  series: readonly ShownSeries[];
  /** The cities the user chose (empty = all). */
  chosenCities: readonly string[];
  fromMs: number;
  toMs: number;
}

export function buildHeatmapModel(input: HeatmapInput): HeatmapModel {
  return input.kind === 'hour-day' ? hourDay(input) : cityHour(input);
}

function hourDay(input: HeatmapInput): HeatmapModel {
  const firstDay = Math.floor(input.fromMs / DAY_MS) * DAY_MS;
  const days: string[] = [];
  for (let d = firstDay; d < input.toMs; d += DAY_MS) days.push(toIsoDate(d));

  // One series when a stop or cities were chosen (the first chosen city), else every city averaged per bucket.
  const single = input.series.length === 1 ? input.series[0]!
    : input.chosenCities.length > 0 ? input.series.find((s) => s.city === input.chosenCities[0]) ?? null : null;
  const used = single ? [single] : input.series;
  const source = single
    ? single.stop ? `stop place ${single.name}` : `${single.cityName}${input.chosenCities.length > 1 ? ' (the first selected city)' : ''}`
    : `the ${used.length} ${used.length === 1 ? 'city' : 'cities'} averaged`;

  const sums = new Map<number, { sum: number; n: number; t: string; city: string; stop: string | null }>();
  for (const s of used) {
    s.points.forEach((p, i) => {
      const t = s.times[i]!;
      if (!isValue(p.value) || t < input.fromMs || t >= input.toMs) return;
      const cell = sums.get(t) ?? { sum: 0, n: 0, t: p.t, city: s.city, stop: s.stop };
      cell.sum += p.value;
      cell.n += 1;
      sums.set(t, cell);
    });
  }
  const cells: HeatCell[] = [];
  for (let h = 0; h < 24; h++) {
    days.forEach((_, x) => {
      const t = firstDay + x * DAY_MS + h * HOUR_MS;
      const found = sums.get(t);
      cells.push({
        x,
        y: h,
        value: found ? found.sum / found.n : null,
        bucket: found && single ? found.t : null,
        city: single ? single.city : null,
        stop: single ? single.stop : null,
        samples: found?.n ?? 0,
      });
    });
  }
  return { kind: 'hour-day', kpi: input.kpi, xLabels: days, yLabels: HOURS, xTitle: 'Day (UTC)', yTitle: 'Hour of day (UTC)', cells, source, drillable: single !== null };
}

function cityHour(input: HeatmapInput): HeatmapModel {
  const cells: HeatCell[] = [];
  input.series.forEach((s, y) => {
    const sums = Array.from({ length: 24 }, () => ({ sum: 0, n: 0 }));
    s.points.forEach((p, i) => {
      const t = s.times[i]!;
      if (!isValue(p.value) || t < input.fromMs || t >= input.toMs) return;
      const hour = new Date(t).getUTCHours();
      sums[hour]!.sum += p.value;
      sums[hour]!.n += 1;
    });
    sums.forEach(({ sum, n }, x) => cells.push({ x, y, value: n > 0 ? sum / n : null, bucket: null, city: s.city, stop: s.stop, samples: n }));
  });
  return {
    kind: 'city-hour',
    kpi: input.kpi,
    xLabels: HOURS,
    yLabels: input.series.map((s) => s.stop ? s.name : s.cityName),
    xTitle: 'Hour of day (UTC)',
    yTitle: input.series.some((s) => s.stop) ? 'Stop place' : 'City',
    cells,
    source: 'each hour of day averaged over the days of the range',
    drillable: false,
  };
}

export function cellTitle(model: HeatmapModel, cell: HeatCell): string {
  if (model.kind === 'hour-day') return cell.bucket ? formatUtc(cell.bucket) : `${model.xLabels[cell.x]} ${model.yLabels[cell.y]} UTC`;
  return `${model.yLabels[cell.y]}, ${model.xLabels[cell.x]} UTC`;
}

export interface HeatmapContext {
  palette: ChartPalette;
  animation: boolean;
  widthPx: number;
}

export function buildHeatmapOption(model: HeatmapModel, ctx: HeatmapContext): HeatmapOption {
  const { palette } = ctx;
  const valued = model.cells.filter((c) => isValue(c.value));
  const values = valued.map((c) => c.value as number);
  let min = values.length ? Math.min(...values) : 0;
  let max = values.length ? Math.max(...values) : 1;
  if (min === max) [min, max] = [min - 1, max + 1];
  const narrow = ctx.widthPx < 560;
  return {
    animation: ctx.animation,
    textStyle: { color: palette.text, fontFamily: CHART_FONT, fontSize: 12 },
    grid: { left: 12, right: 16, top: 16, bottom: 72, containLabel: true },
    tooltip: {
      confine: true,
      // A phone-wide tooltip wraps instead of running off the screen.
      extraCssText: 'max-width: min(420px, 90vw); white-space: normal;',
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text },
      formatter: (params) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const cell = valued[p?.dataIndex ?? -1];
        if (!cell) return '';
        const samples = cell.samples > 1 ? ` <span style="color:${palette.muted}">(mean of ${cell.samples})</span>` : '';
        return `<div>${escapeHtml(cellTitle(model, cell))}</div><strong>${escapeHtml(formatValue(cell.value, model.kpi.unit))}</strong>${samples}`;
      },
    },
    xAxis: {
      type: 'category',
      data: model.xLabels,
      name: narrow ? '' : model.xTitle,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: palette.muted },
      axisLabel: { color: palette.muted, hideOverlap: true, formatter: (v: string) => (model.kind === 'hour-day' ? v.slice(5) : v.slice(0, 2)) },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: model.yLabels,
      inverse: true,
      axisLabel: { color: palette.muted, hideOverlap: true, formatter: (v: string) => (model.kind === 'hour-day' ? v.slice(0, 2) : v) },
    },
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemWidth: 12,
      itemHeight: narrow ? 140 : 220,
      textStyle: { color: palette.muted },
      formatter: (value: unknown) => formatValue(Number(value), model.kpi.unit),
      inRange: { color: [palette.series[4]!, palette.series[5]!, palette.series[1]!] },
    },
    series: [
      {
        type: 'heatmap',
        id: `heatmap/${model.kind}`,
        name: model.kpi.name,
        // Only valued cells: a missing cell is left empty, never painted as 0.
        data: valued.map((c) => [c.x, c.y, c.value as number]),
        itemStyle: { borderColor: palette.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
      },
    ],
  };
}

/** The valued cells in the order the heatmap series holds them (ECharts' dataIndex). */
export function valuedCells(model: HeatmapModel): HeatCell[] {
  return model.cells.filter((c) => isValue(c.value));
}
