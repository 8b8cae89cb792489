// Tooltip text for the Explore charts. ECharts renders a tooltip formatter's result as HTML, so everything that
// came from the API (KPI and city names, reasons) is escaped here; the only markup is ours.
import { formatShare, formatUtc, formatValue } from '../../app/format';
import { isValue, type ShownSeries } from './seriesModel';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface TooltipRow {
  series: ShownSeries;
  index: number;
  /** ECharts' coloured dot, markup ECharts generated itself. */
  marker: string;
}

/** One line per series at the hovered time: value with unit, or "no value" and the reason; inputs and coverage. */
export function seriesTooltip(axisMs: number, rows: readonly TooltipRow[], mutedColor: string): string {
  const lines = rows.map(({ series, index, marker }) => {
    const point = series.points[index];
    if (!point) return '';
    const value = isValue(point.value)
      ? `<strong>${escapeHtml(formatValue(point.value, series.unit))}</strong>`
      : `<strong>no value</strong>${point.reason ? ` (${escapeHtml(point.reason)})` : ''}`;
    const details = `${point.inputs} input${point.inputs === 1 ? '' : 's'}, coverage ${formatShare(point.coverage)}`;
    // With downsampling, a series' nearest point may be another bucket than the hovered time: say which.
    const at = series.times[index] !== axisMs ? ` at ${escapeHtml(formatUtc(series.times[index]!).slice(11))}` : '';
    return `<div>${marker}${escapeHtml(series.name)}: ${value}${at} <span style="color:${mutedColor}">${escapeHtml(details)}</span></div>`;
  });
  return `<div style="margin-bottom:4px">${escapeHtml(formatUtc(axisMs))}</div>${lines.join('')}`;
}
