// Loaded with a dynamic import after the first paint: everything ECharts lives in this chunk.
import { init, use, type ECharts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { xSplitNumber, type KpiChartOption } from './chartOption';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export interface KpiChart {
  /** Replaces the chart's content; resolves once ECharts reports the frame as rendered ("finished"). */
  render(option: KpiChartOption): Promise<void>;
  clear(): void;
  dispose(): void;
}

export function mountChart(host: HTMLElement): KpiChart {
  const chart: ECharts = init(host, undefined, { renderer: 'canvas' });
  let waiting: (() => void) | null = null;

  // Registered once, before any setOption: with animation off ECharts can emit "finished" synchronously
  // inside setOption, so a listener added afterwards could miss it.
  chart.on('finished', () => {
    const done = waiting;
    waiting = null;
    done?.();
  });

  let lastSplit = xSplitNumber(host.clientWidth);
  const observer = new ResizeObserver(() => {
    chart.resize();
    const split = xSplitNumber(host.clientWidth);
    // Only patch a drawn chart: merging an xAxis into a cleared one would create an axis out of nothing.
    const drawn = (chart.getOption() as { xAxis?: unknown[] } | undefined)?.xAxis?.length;
    if (split !== lastSplit && drawn) chart.setOption({ xAxis: { splitNumber: split } });
    lastSplit = split;
  });
  observer.observe(host);

  return {
    render(option) {
      return new Promise<void>((resolve) => {
        waiting?.(); // a superseded render: the caller ignores it, but its promise must not dangle
        waiting = resolve;
        chart.setOption(option, { notMerge: true });
      });
    },
    clear() {
      chart.clear();
    },
    dispose() {
      observer.disconnect();
      chart.dispose();
    },
  };
}
