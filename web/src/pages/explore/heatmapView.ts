// A heatmap as a ChartView: drawing, the cell under a click (hour-day of one city: a concrete bucket), and the probe.
import type { ChartView, DrawEnv, Probe } from './chartHost';
import type { DrillTarget } from './drillLink';
import { buildHeatmapOption, type HeatCell, type HeatmapModel } from './heatmap';
import { isValue } from './seriesModel';

export function heatmapView(model: HeatmapModel): ChartView {
  const target = (cell: HeatCell): DrillTarget | null =>
    cell.bucket && cell.city ? { kpi: model.kpi.id, bucket: cell.bucket, city: cell.city, grain: 'hour', stop: cell.stop } : null;
  const cellAt = (x: number, y: number) => model.cells.find((c) => c.x === x && c.y === y);
  const valued = model.cells.filter((c) => isValue(c.value));

  return {
    kind: 'heatmap',
    seriesCount: model.yLabels.length,
    pointCount: valued.length,
    axes: 0,
    option: (env: DrawEnv) => buildHeatmapOption(model, env),
    pick(chart, x, y) {
      if (!model.drillable || !chart.containPixel('grid', [x, y])) return null;
      const at = chart.convertFromPixel({ seriesIndex: 0 }, [x, y]) as number[];
      const cell = cellAt(Math.round(at[0]!), Math.round(at[1]!));
      return cell && isValue(cell.value) ? target(cell) : null;
    },
    probe(chart): Probe | null {
      if (!model.drillable) return null;
      const midX = (model.xLabels.length - 1) / 2;
      const midY = (model.yLabels.length - 1) / 2;
      let best: HeatCell | null = null;
      for (const c of valued) {
        if (!c.bucket) continue;
        if (!best || Math.hypot(c.x - midX, c.y - midY) < Math.hypot(best.x - midX, best.y - midY)) best = c;
      }
      const t = best && target(best);
      if (!best || !t) return null;
      const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, [best.x, best.y]) as number[];
      return Number.isFinite(px) && Number.isFinite(py) ? { x: px!, y: py!, target: t } : null;
    },
  };
}
