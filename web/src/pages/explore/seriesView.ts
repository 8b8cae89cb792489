// The time series as a ChartView: drawing, the point under a click, and the probe point for tests.
import type { EChart } from '../../app/echarts';
import type { ChartView, DrawEnv, Probe } from './chartHost';
import type { DrillTarget } from './drillLink';
import { buildSeriesOption } from './seriesChart';
import { isValue, middlePoint, nearestIndex, type SeriesModel, type ShownSeries } from './seriesModel';

/** How far (CSS px) from a point a click still opens it. */
const PICK_RADIUS = 24;

export interface SeriesViewContext {
  fromMs: number;
  toMs: number;
  grain: string;
}

export function visibleSeries(model: SeriesModel, legendSelected: Record<string, boolean>): ShownSeries[] {
  return model.series.filter((s) => legendSelected[s.name] !== false);
}

/** The visible time window [from, to] in ms for a zoom in percent. */
export function zoomWindow(fromMs: number, toMs: number, zoom: { start: number; end: number }): { fromMs: number; toMs: number } {
  const span = toMs - fromMs;
  return { fromMs: fromMs + (span * zoom.start) / 100, toMs: fromMs + (span * zoom.end) / 100 };
}

export function seriesView(model: SeriesModel, ctx: SeriesViewContext): ChartView {
  const target = (s: ShownSeries, i: number): DrillTarget => ({ kpi: s.kpi, bucket: s.points[i]!.t, city: s.city, grain: ctx.grain, stop: s.stop });
  const pixel = (chart: EChart, s: ShownSeries, i: number): number[] =>
    chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: s.axis }, [s.times[i]!, s.points[i]!.value as number]) as number[];

  return {
    kind: 'series',
    seriesCount: model.series.length,
    pointCount: model.valuedPoints,
    axes: model.units.length,
    option: (env: DrawEnv) => buildSeriesOption(model, { ...env, fromMs: ctx.fromMs, toMs: ctx.toMs }),
    pick(chart, x, y, env) {
      if (!chart.containPixel('grid', [x, y])) return null;
      const timeAt = (px: number) => chart.convertFromPixel({ xAxisIndex: 0 }, px) as number;
      const [t0, t1] = [timeAt(x - PICK_RADIUS), timeAt(x + PICK_RADIUS)];
      let best: { s: ShownSeries; i: number; d: number } | null = null;
      for (const s of visibleSeries(model, env.legendSelected)) {
        const lo = nearestIndex(s.times, t0);
        const hi = nearestIndex(s.times, t1);
        for (let i = Math.max(0, lo); i <= hi && i >= 0; i++) {
          if (!isValue(s.points[i]!.value)) continue;
          const [px, py] = pixel(chart, s, i);
          const d = Math.hypot(px! - x, py! - y);
          if (d <= PICK_RADIUS && (!best || d < best.d)) best = { s, i, d };
        }
      }
      return best ? target(best.s, best.i) : null;
    },
    probe(chart, env): Probe | null {
      const visible = visibleSeries(model, env.legendSelected);
      const window = zoomWindow(ctx.fromMs, ctx.toMs, env.zoom);
      const found = middlePoint(visible, window.fromMs, window.toMs);
      if (!found) return null;
      const s = visible[found.series]!;
      const [x, y] = pixel(chart, s, found.point);
      return Number.isFinite(x) && Number.isFinite(y) ? { x: x!, y: y!, target: target(s, found.point) } : null;
    },
  };
}
