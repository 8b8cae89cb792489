// The files Explore exports, named after the KPIs and the UTC days shown.
import { toIsoDate } from '../../app/dates';
import type { ExploreState } from '../../app/exploreState';
import { csvFileName, exploreCsv } from './csvExport';
import type { Zoom } from './seriesChart';
import type { ShownSeries } from './seriesModel';
import { effectiveGrain } from './seriesQuery';
import { zoomWindow } from './seriesView';

export interface ShownRange {
  fromMs: number;
  toMs: number;
  maxPoints: number;
}

function baseName(state: ExploreState, shown: ShownRange): string {
  return csvFileName(state.kpis, toIsoDate(shown.fromMs), toIsoDate(shown.toMs - 1)).replace(/\.csv$/, '');
}

export function exportCsv(state: ExploreState, shown: ShownRange, lines: { series: readonly ShownSeries[]; zoomed: boolean }, zoom: Zoom): { name: string; text: string } {
  const isZoomed = lines.zoomed && (zoom.start > 0 || zoom.end < 100);
  const window = isZoomed ? zoomWindow(shown.fromMs, shown.toMs, zoom) : { fromMs: shown.fromMs, toMs: shown.toMs };
  const text = exploreCsv({ series: lines.series, ...window }, {
    kpis: state.kpis,
    cities: state.cities,
    stop: state.stop,
    grain: effectiveGrain(state),
    from: new Date(shown.fromMs).toISOString(),
    to: new Date(shown.toMs).toISOString(),
    maxPoints: shown.maxPoints,
    zoom: isZoomed ? { from: new Date(window.fromMs).toISOString(), to: new Date(window.toMs).toISOString() } : null,
    exportedAt: new Date(),
  });
  return { name: `${baseName(state, shown)}.csv`, text };
}

export function exportPng(state: ExploreState, shown: ShownRange, blob: Blob): { name: string; blob: Blob } {
  return { name: `${baseName(state, shown)}.png`, blob };
}
