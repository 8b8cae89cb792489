// The one ECharts entry point: only the chart types and components the pages use are registered (tree-shaken
// core), and the palette comes from the stylesheet so charts follow the theme. Pages import this lazily, so the
// overview's first paint never waits for ECharts.
import { HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { cssVar } from './theme';

echarts.use([LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, VisualMapComponent, MarkAreaComponent, AriaComponent, CanvasRenderer]);

export { echarts };
export type EChart = echarts.ECharts;

/** Series colours and text colours of the active theme. */
export function chartPalette(): { series: string[]; text: string; muted: string; border: string; surface: string } {
  return {
    series: [1, 2, 3, 4, 5, 6].map((i) => cssVar(`--chart-${i}`)),
    text: cssVar('--text'),
    muted: cssVar('--muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
  };
}

/** Reduced motion: no chart animations for people who asked for none. */
export function animationsWanted(): boolean {
  return !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A PNG of the chart on the page's background, at twice the screen's resolution. */
export function chartPng(chart: EChart): Blob {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: chartPalette().surface });
  const bytes = atob(url.slice(url.indexOf(',') + 1));
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  return new Blob([array], { type: 'image/png' });
}
