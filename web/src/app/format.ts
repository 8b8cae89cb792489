// One way to write times, numbers and units everywhere on the dashboard. Times are UTC (the pipeline's clock), shown
// with "UTC" so nobody reads them as local time; units are the catalog's UCUM codes written for people.

const UNIT_LABELS: Record<string, string> = {
  '1': '',
  '%': '%',
  s: 's',
  min: 'min',
  h: 'h',
  Cel: '°C',
  'm/s': 'm/s',
  mm: 'mm',
  'ug/m3': 'µg/m³',
  'ug.h/m3': 'µg·h/m³',
  '[ppm]': 'ppm',
  '[ppb]': 'ppb',
};

/** The UCUM code written for people: `ug/m3` → `µg/m³`, `1` (dimensionless) → ``. Unknown codes are shown as is. */
export function unitLabel(ucum: string | null | undefined): string {
  if (!ucum) return '';
  return UNIT_LABELS[ucum] ?? ucum.replace(/\bu(?=g)/g, 'µ').replace(/m3\b/g, 'm³').replace(/m2\b/g, 'm²').replace(/\./g, '·');
}

/** A value with its unit and a sensible precision; null (no value: see the reason) is an em dash, never 0. */
export function formatValue(value: number | null | undefined, ucum?: string | null, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  const number = value.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: places });
  const unit = unitLabel(ucum);
  if (!unit) return number;
  return unit === '%' ? `${number} %` : `${number} ${unit}`;
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('en-GB');
}

/** A share in [0, 1] as a percentage. */
export function formatShare(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)} %`;
}

function asDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** `2026-12-02 08:00 UTC` */
export function formatUtc(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const d = asDate(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-12-02` (a UTC day). */
export function formatDay(value: string | number | Date): string {
  const d = asDate(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().slice(0, 10);
}

/** A duration in seconds for people: `45 s`, `12 min`, `3 h`, `2 d`. */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
