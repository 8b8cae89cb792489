// The quality chart: ECharts loads lazily (the controls and the table paint first) into a frame whose height the
// stylesheet reserves, so nothing moves when it arrives. It redraws on resize (debounced) and on a theme change, and
// reports what is drawn as data-* attributes that tests read: data-state, data-days, data-series, data-render-count.
import type { EChart } from '../../app/echarts';
import { onThemeChange } from '../../app/theme';
import { qualityOption } from './qualityChart';
import type { DimensionSeries } from './qualityModel';

type EChartsModule = typeof import('../../app/echarts');

interface Drawing {
  series: DimensionSeries[];
  range: { from: string; to: string };
}

const RESIZE_DEBOUNCE_MS = 150;
const NARROW_PX = 560;

export class QualityChartHost {
  readonly element: HTMLDivElement;
  private lib: EChartsModule | null = null;
  private chart: EChart | null = null;
  private drawing: Drawing | null = null;
  private renderCount = 0;
  private pending = false;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer: ResizeObserver;
  private readonly stopTheme: () => void;
  private disposed = false;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'chart';
    this.element.id = 'quality-chart';
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', 'Chart of the quality figures per day; the table below has the same figures.');
    this.element.dataset.state = 'loading';
    this.element.dataset.renderCount = '0';
    this.observer = new ResizeObserver(() => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => {
        this.chart?.resize();
        this.draw();
      }, RESIZE_DEBOUNCE_MS);
    });
    this.observer.observe(this.element);
    this.stopTheme = onThemeChange(() => this.draw());
  }

  async load(): Promise<void> {
    if (this.lib) return;
    const lib = await import('../../app/echarts');
    if (this.disposed) return;
    this.lib = lib;
    this.chart = lib.echarts.init(this.element, undefined, { renderer: 'canvas' });
    this.chart.on('finished', () => this.finished());
    this.draw();
  }

  setState(state: 'loading' | 'ready' | 'empty' | 'error'): void {
    this.element.dataset.state = state;
  }

  render(series: DimensionSeries[], range: { from: string; to: string }): void {
    this.drawing = { series, range };
    this.draw();
  }

  clear(): void {
    this.drawing = null;
    this.chart?.clear();
    delete this.element.dataset.days;
    delete this.element.dataset.series;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.resizeTimer);
    this.observer.disconnect();
    this.stopTheme();
    this.chart?.dispose();
    this.chart = null;
  }

  private draw(): void {
    if (!this.chart || !this.lib || !this.drawing) return;
    const { series, range } = this.drawing;
    const narrow = this.element.clientWidth < NARROW_PX;
    this.pending = true;
    this.chart.setOption(qualityOption(series, range, this.lib.chartPalette(), this.lib.animationsWanted(), narrow), { notMerge: true });
  }

  private finished(): void {
    if (!this.pending || !this.drawing) return;
    this.pending = false;
    this.renderCount += 1;
    const d = this.element.dataset;
    d.series = String(this.drawing.series.length);
    d.days = String(this.drawing.series[0]?.points.length ?? 0);
    d.from = this.drawing.range.from;
    d.to = this.drawing.range.to;
    d.renderCount = String(this.renderCount);
  }
}
