// CSV of what Explore shows: every visible series' points as the chart has them (after the server's downsampling),
// with the filters as leading `# ` comment lines so a file says how it was made. RFC 4180: comma separated, CRLF
// line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled. Text that a spreadsheet would
// run as a formula (= + - @, and tab or CR that some strip first) gets a leading apostrophe; numbers are written
// from numbers and never altered, so a negative delay stays a number.
import { isValue, type ShownSeries } from './seriesModel';

export type CsvCell = string | number | null | undefined;

export const CSV_COLUMNS = ['time_utc', 'kpi', 'city', 'stop', 'value', 'unit', 'inputs', 'coverage', 'reason'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers as written by JavaScript, text neutralised against formulas and quoted when it must be. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',');
}

/**
 * A comment line: `# name: value`. Spreadsheets would split it at commas and could read a later cell as a formula,
 * so commas and line breaks in the value are replaced (the values are catalog ids and ISO times anyway).
 */
export function csvComment(name: string, value: string): string {
  return `# ${name}: ${value.replace(/[\r\n]+/g, ' ').replace(/,/g, ';')}`;
}

export interface CsvFilters {
  kpis: readonly string[];
  /** Empty = all cities. */
  cities: readonly string[];
  stop: string | null;
  grain: string;
  /** The requested range, ISO instants, [from, to). */
  from: string;
  to: string;
  maxPoints: number;
  /** The zoomed window when the user zoomed in (only its points are written). */
  zoom: { from: string; to: string } | null;
  exportedAt: Date;
}

export interface CsvSeriesInput {
  series: readonly ShownSeries[];
  /** Only points with fromMs <= t <= toMs (the visible window). */
  fromMs: number;
  toMs: number;
}

export function exploreCsv(input: CsvSeriesInput, filters: CsvFilters): string {
  const lines = [
    csvComment('kpis', filters.kpis.join(' ')),
    csvComment('cities', filters.cities.length > 0 ? filters.cities.join(' ') : 'all'),
    csvComment('stop', filters.stop ?? 'none'),
    csvComment('grain', filters.grain),
    csvComment('from', filters.from),
    csvComment('to', filters.to),
    ...(filters.zoom ? [csvComment('zoomed from', filters.zoom.from), csvComment('zoomed to', filters.zoom.to)] : []),
    csvComment('maxPoints', String(filters.maxPoints)),
    csvComment('exported at', filters.exportedAt.toISOString()),
    csvLine(CSV_COLUMNS),
  ];
  for (const s of input.series) {
    s.points.forEach((p, i) => {
      const t = s.times[i]!;
      if (t < input.fromMs || t > input.toMs) return;
      lines.push(csvLine([new Date(t).toISOString(), s.kpi, s.city, s.stop ?? '', isValue(p.value) ? p.value : null, s.unit, p.inputs, p.coverage, p.reason ?? '']));
    });
  }
  return lines.join('\r\n') + '\r\n';
}

/** `tributary-on_time_performance+mean_departure_delay-2026-12-01-2026-12-02.csv` (inclusive UTC days). */
export function csvFileName(kpis: readonly string[], fromDay: string, toDay: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '_');
  return `tributary-${kpis.map(safe).join('+')}-${safe(fromDay)}-${safe(toDay)}.csv`;
}
