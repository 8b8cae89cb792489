// The chart on the Explore page: loads ECharts lazily (the controls paint first), draws a view, keeps the user's
// zoom and legend selection across redraws, and redraws on resize (debounced) and on theme changes. It reports what
// is on screen as data-* attributes of the chart element, which tests and the bench read:
//   data-state (loading|ready|empty|error)  data-chart (series|heatmap)  data-series  data-points  data-axes
//   data-render-count  data-render-reason
//   data-zoom-start / data-zoom-end (percent)  data-probe-x / data-probe-y (a valued point near the middle, in CSS px
//   of the element, with data-probe-bucket / -kpi / -city naming it)
import type { EChartsCoreOption } from 'echarts/core';
import type { EChart } from '../../app/echarts';
import { onThemeChange } from '../../app/theme';
import { FULL_ZOOM, type ChartPalette, type Zoom } from './seriesChart';
import type { DrillTarget } from './drillLink';
import { markRendered } from './perf';

export type RenderReason = 'user' | 'live' | 'resize' | 'theme';
export type ChartState = 'loading' | 'ready' | 'empty' | 'error';

export interface DrawEnv {
  palette: ChartPalette;
  widthPx: number;
  animation: boolean;
  zoom: Zoom;
  legendSelected: Record<string, boolean>;
}

export interface Probe {
  x: number;
  y: number;
  target: DrillTarget;
}

/** Something the host can draw: the time series or a heatmap. */
export interface ChartView {
  kind: 'series' | 'heatmap';
  seriesCount: number;
  pointCount: number;
  /** Y-axes with values (one per unit; 0 for a heatmap's categories). */
  axes: number;
  option(env: DrawEnv): EChartsCoreOption;
  /** The bucket under a click at (x, y) in CSS px of the chart, if there is one. */
  pick(chart: EChart, x: number, y: number, env: DrawEnv): DrillTarget | null;
  probe(chart: EChart, env: DrawEnv): Probe | null;
}

type EChartsModule = typeof import('../../app/echarts');

export interface ChartHostEvents {
  onPick(target: DrillTarget): void;
  /** The chart element's width changed (after the debounce): the page may ask for another number of points. */
  onResize(widthPx: number): void;
  /** ECharts finished drawing a render asked for by `render`. */
  onRendered(reason: RenderReason): void;
}

const RESIZE_DEBOUNCE_MS = 150;

export class ChartHost {
  readonly element: HTMLDivElement;
  private lib: EChartsModule | null = null;
  private chart: EChart | null = null;
  private view: ChartView | null = null;
  private drawnKind: ChartView['kind'] | null = null;
  private pendingReason: RenderReason | null = null;
  private renderCount = 0;
  private zoomState: Zoom = FULL_ZOOM;
  private legend: Record<string, boolean> = {};
  private lastWidth = 0;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer: ResizeObserver;
  private readonly stopTheme: () => void;
  private disposed = false;

  constructor(label: string, private readonly events: ChartHostEvents) {
    this.element = document.createElement('div');
    this.element.className = 'chart';
    this.element.id = 'explore-chart';
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', label);
    this.element.dataset.renderCount = '0';
    this.setState('loading');
    this.observer = new ResizeObserver(() => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => this.resized(), RESIZE_DEBOUNCE_MS);
    });
    this.observer.observe(this.element);
    this.stopTheme = onThemeChange(() => this.redraw('theme'));
  }

  get zoom(): Zoom {
    return this.zoomState;
  }

  get legendSelected(): Record<string, boolean> {
    return this.legend;
  }

  /** Width in CSS px, as laid out (the frame reserves the space before ECharts loads). */
  widthPx(): number {
    return this.element.clientWidth;
  }

  /** Starts loading ECharts; drawing waits for it, the rest of the page does not. */
  async load(): Promise<void> {
    if (this.lib) return;
    const lib = await import('../../app/echarts');
    if (this.disposed) return;
    this.lib = lib;
    const chart = lib.echarts.init(this.element, undefined, { renderer: 'canvas' });
    this.chart = chart;
    this.lastWidth = this.widthPx();
    chart.on('finished', () => this.finished());
    chart.on('datazoom', () => this.zoomed());
    chart.on('legendselectchanged', (e) => {
      this.legend = { ...(e as { selected: Record<string, boolean> }).selected };
      this.updateProbe();
    });
    chart.getZr().on('click', (e) => {
      const target = this.view?.pick(chart, e.offsetX, e.offsetY, this.env());
      if (target) this.events.onPick(target);
    });
    if (this.view && this.pendingReason) this.draw(this.pendingReason);
  }

  setState(state: ChartState): void {
    this.element.dataset.state = state;
  }

  resetZoom(): void {
    this.zoomState = FULL_ZOOM;
  }

  /** Draws `view` (now, or as soon as ECharts has loaded). */
  render(view: ChartView, reason: RenderReason): void {
    this.view = view;
    this.pendingReason = reason;
    if (this.chart) this.draw(reason);
  }

  png(): Blob | null {
    return this.chart && this.lib ? this.lib.chartPng(this.chart) : null;
  }

  /** Clears the drawing (empty and error states show a message over the reserved space instead). */
  clear(): void {
    this.view = null;
    this.pendingReason = null;
    this.drawnKind = null;
    this.chart?.clear();
    for (const key of ['series', 'points', 'axes', 'probeX', 'probeY', 'probeBucket', 'probeKpi', 'probeCity']) delete this.element.dataset[key];
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.resizeTimer);
    this.observer.disconnect();
    this.stopTheme();
    this.chart?.dispose();
    this.chart = null;
  }

  private env(): DrawEnv {
    return {
      palette: this.lib!.chartPalette(),
      widthPx: this.widthPx(),
      animation: this.lib!.animationsWanted(),
      zoom: this.zoomState,
      legendSelected: this.legend,
    };
  }

  private draw(reason: RenderReason): void {
    const chart = this.chart;
    const view = this.view;
    if (!chart || !view) return;
    const env = this.env();
    // Live data must not animate the lines the user is reading; other redraws animate when motion is welcome.
    const option = view.option({ ...env, animation: env.animation && reason === 'user' });
    this.pendingReason = reason;
    // The chart type changed: start from scratch. Otherwise replace series and axes but keep everything else.
    if (this.drawnKind !== view.kind) chart.setOption(option, { notMerge: true });
    else chart.setOption(option, { replaceMerge: ['series', 'xAxis', 'yAxis', 'visualMap'] });
    this.drawnKind = view.kind;
  }

  private redraw(reason: RenderReason): void {
    if (this.view && this.chart) this.draw(reason);
  }

  private finished(): void {
    const reason = this.pendingReason;
    if (!reason || !this.view) {
      this.updateProbe();
      return;
    }
    this.pendingReason = null;
    this.renderCount += 1;
    const d = this.element.dataset;
    d.series = String(this.view.seriesCount);
    d.points = String(this.view.pointCount);
    d.chart = this.view.kind;
    d.axes = String(this.view.axes);
    d.renderReason = reason;
    d.renderCount = String(this.renderCount);
    this.writeZoom();
    this.updateProbe();
    if (reason === 'user') markRendered();
    this.events.onRendered(reason);
  }

  private zoomed(): void {
    const option = this.chart?.getOption() as { dataZoom?: { start?: number; end?: number }[] } | undefined;
    const zoom = option?.dataZoom?.[0];
    if (zoom && typeof zoom.start === 'number' && typeof zoom.end === 'number') this.zoomState = { start: zoom.start, end: zoom.end };
    this.writeZoom();
    this.updateProbe();
  }

  private writeZoom(): void {
    this.element.dataset.zoomStart = this.zoomState.start.toFixed(2);
    this.element.dataset.zoomEnd = this.zoomState.end.toFixed(2);
  }

  private updateProbe(): void {
    const d = this.element.dataset;
    const probe = this.chart && this.view ? this.view.probe(this.chart, this.env()) : null;
    if (!probe) {
      for (const key of ['probeX', 'probeY', 'probeBucket', 'probeKpi', 'probeCity']) delete d[key];
      return;
    }
    d.probeX = String(Math.round(probe.x));
    d.probeY = String(Math.round(probe.y));
    d.probeBucket = new Date(Date.parse(probe.target.bucket)).toISOString();
    d.probeKpi = probe.target.kpi;
    d.probeCity = probe.target.city;
  }

  private resized(): void {
    const width = this.widthPx();
    if (!this.chart || width === this.lastWidth || width === 0) return;
    this.lastWidth = width;
    this.chart.resize();
    this.redraw('resize');
    this.events.onResize(width);
  }
}
