// The ECharts option of Explore's time series: one line per KPI and city, a left axis for the first unit and a
// right axis for the second, null buckets as gaps (never 0), zoom by slider and ctrl+wheel. Only ECharts types are
// imported, so this stays out of the chart chunk and is unit-tested without a DOM.
import type { LineSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatUtc, unitLabel } from '../../app/format';
import { isValue, type SeriesModel, type ShownSeries } from './seriesModel';
import { seriesTooltip, type TooltipRow } from './tooltip';

export type SeriesChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DataZoomComponentOption>;

export interface ChartPalette {
  series: string[];
  text: string;
  muted: string;
  border: string;
  surface: string;
}

export interface Zoom {
  /** Percent of the x range, 0..100. */
  start: number;
  end: number;
}

export const FULL_ZOOM: Zoom = { start: 0, end: 100 };

export interface SeriesChartContext {
  /** The requested range [fromMs, toMs): the axis spans it even where there is no data yet. */
  fromMs: number;
  toMs: number;
  widthPx: number;
  palette: ChartPalette;
  zoom: Zoom;
  /** Legend selection by series name (false = hidden). */
  legendSelected: Record<string, boolean>;
  animation: boolean;
}

// Canvas text needs a real font list ("inherit" means nothing to a canvas).
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const DASHES: NonNullable<LineSeriesOption['lineStyle']>['type'][] = ['solid', 'dashed', 'dotted', [10, 4, 2, 4]];

/** About one time label per 110 px, so labels never collide on a phone. */
export function xSplitNumber(widthPx: number): number {
  return Math.max(2, Math.min(12, Math.floor(widthPx / 110)));
}

/** Points with a value but no valued neighbour: a line without symbols would not show them, so they get a dot. */
export function isolatedIndexes(series: ShownSeries): Set<number> {
  const out = new Set<number>();
  const { points } = series;
  for (let i = 0; i < points.length; i++) {
    if (!isValue(points[i]!.value)) continue;
    if (!isValue(points[i - 1]?.value) && !isValue(points[i + 1]?.value)) out.add(i);
  }
  return out;
}

export function axisName(unit: string): string {
  return unitLabel(unit) || 'no unit';
}

export function buildSeriesOption(model: SeriesModel, ctx: SeriesChartContext): SeriesChartOption {
  const { palette } = ctx;
  const lines: LineSeriesOption[] = model.series.map((s) => {
    const isolated = isolatedIndexes(s);
    return {
      type: 'line',
      id: s.key,
      name: s.name,
      yAxisIndex: s.axis,
      color: palette.series[s.colorIndex % palette.series.length],
      connectNulls: false,
      symbol: 'none',
      lineStyle: { width: 2, type: DASHES[s.dashIndex % DASHES.length] },
      emphasis: { focus: 'series' },
      // Nulls are gaps: ECharts breaks the line at a missing value. Lone points get a dot so they can be seen.
      data: s.points.map((p, i) => {
        const pair: [number, number | null] = [s.times[i]!, isValue(p.value) ? p.value : null];
        return isolated.has(i) ? { value: pair, symbol: 'circle', symbolSize: 6 } : pair;
      }),
    };
  });

  const axisLine = { lineStyle: { color: palette.muted } };
  return {
    animation: ctx.animation,
    animationDuration: 250,
    animationDurationUpdate: 250,
    useUTC: true,
    textStyle: { color: palette.text, fontFamily: CHART_FONT, fontSize: 12 },
    grid: { left: 12, right: model.units.length > 1 ? 12 : 24, top: 56, bottom: 72, containLabel: true },
    legend: {
      type: 'scroll',
      top: 4,
      left: 4,
      right: 4,
      icon: 'roundRect',
      itemWidth: 18,
      itemHeight: 8,
      textStyle: { color: palette.text, fontSize: 12 },
      pageTextStyle: { color: palette.muted },
      selected: ctx.legendSelected,
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      // A phone-wide tooltip wraps instead of running off the screen.
      extraCssText: 'max-width: min(420px, 90vw); white-space: normal;',
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text },
      axisPointer: { type: 'line' },
      formatter: (params) => {
        const list = (Array.isArray(params) ? params : [params]) as { seriesIndex?: number; dataIndex?: number; marker?: unknown; axisValue?: unknown }[];
        const rows: TooltipRow[] = [];
        for (const p of list) {
          const series = model.series[p.seriesIndex ?? -1];
          if (series && p.dataIndex !== undefined) rows.push({ series, index: p.dataIndex, marker: typeof p.marker === 'string' ? p.marker : '' });
        }
        const axisMs = typeof list[0]?.axisValue === 'number' ? list[0].axisValue : (rows[0]?.series.times[rows[0].index] ?? ctx.fromMs);
        return seriesTooltip(axisMs, rows, palette.muted);
      },
    },
    xAxis: {
      type: 'time',
      min: ctx.fromMs,
      max: ctx.toMs,
      splitNumber: xSplitNumber(ctx.widthPx),
      axisLabel: {
        color: palette.muted,
        hideOverlap: true,
        formatter: { year: '{yyyy}', month: '{d} {MMM}', day: '{d} {MMM}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' },
      },
      axisLine,
      splitLine: { show: true, lineStyle: { color: palette.border, opacity: 0.6 } },
    },
    yAxis: model.units.map((unit, i) => ({
      type: 'value' as const,
      scale: true,
      position: i === 0 ? ('left' as const) : ('right' as const),
      name: axisName(unit),
      nameTextStyle: { color: palette.muted, align: i === 0 ? ('left' as const) : ('right' as const) },
      axisLabel: { color: palette.muted },
      axisLine: { show: model.units.length > 1, ...axisLine },
      // One set of grid lines: the right axis' would not line up with the left's.
      splitLine: { show: i === 0, lineStyle: { color: palette.border, opacity: 0.6 } },
    })),
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', start: ctx.zoom.start, end: ctx.zoom.end, zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false, moveOnMouseMove: true },
      {
        type: 'slider',
        xAxisIndex: 0,
        filterMode: 'none',
        start: ctx.zoom.start,
        end: ctx.zoom.end,
        bottom: 12,
        height: 24,
        borderColor: palette.border,
        textStyle: { color: palette.muted },
        labelFormatter: (value: number) => formatUtc(value).replace(' UTC', ''),
      },
    ],
    series: lines,
  };
}
