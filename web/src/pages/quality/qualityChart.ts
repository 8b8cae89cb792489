// The ECharts option of the quality chart: one line per dimension over the range's UTC days, shares drawn as 0-100 %.
// The overall score is the heavy line in the text colour; the six dimensions use the theme's six series colours.
// A day without a figure is a gap, never a zero.
import type { EChartsCoreOption } from 'echarts/core';
import { dayStartMs } from '../../app/dates';
import { formatFigure, type DimensionSeries } from './qualityModel';

const HALF_DAY_MS = 43_200_000;

export interface QualityPalette {
  series: string[];
  text: string;
  muted: string;
  border: string;
  surface: string;
}

export function qualityOption(series: readonly DimensionSeries[], range: { from: string; to: string }, palette: QualityPalette, animation: boolean, narrow: boolean): EChartsCoreOption {
  const colour = (i: number, dimension: string) => (dimension === 'score' ? palette.text : palette.series[(i - 1) % palette.series.length]!);
  return {
    animation,
    aria: { enabled: true },
    color: series.map((s, i) => colour(i, s.dimension)),
    textStyle: { color: palette.text },
    grid: { left: 48, right: 16, top: narrow ? 84 : 48, bottom: 36 },
    legend: {
      type: 'plain',
      top: 0,
      textStyle: { color: palette.text },
      inactiveColor: palette.muted,
      itemGap: narrow ? 8 : 14,
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text },
      valueFormatter: (v: unknown) => formatFigure(typeof v === 'number' ? v / 100 : null),
    },
    xAxis: {
      type: 'time',
      // Half a day of margin on both sides: the first and last days' points are not cut by the axis, and a range of
      // one day still has a width.
      min: dayStartMs(range.from) - HALF_DAY_MS,
      max: dayStartMs(range.to) + HALF_DAY_MS,
      axisLabel: { color: palette.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: palette.border } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: '%',
      nameTextStyle: { color: palette.muted },
      axisLabel: { color: palette.muted },
      splitLine: { lineStyle: { color: palette.border, opacity: 0.6 } },
    },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      // Shown as percent with one decimal, as in the table.
      data: s.points.map(([t, v]) => [t, v === null ? null : Math.round(v * 1000) / 10]),
      connectNulls: false,
      showSymbol: true,
      symbolSize: s.dimension === 'score' ? 7 : 5,
      lineStyle: { width: s.dimension === 'score' ? 3 : 1.5 },
      z: s.dimension === 'score' ? 3 : 2,
    })),
  };
}
