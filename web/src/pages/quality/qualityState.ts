// The quality page's state as URL parameters, so a link reopens the same view:
//   source=open-meteo  range=last-7d|last-30d|last-90d  or  from=2026-11-01&to=2026-11-30 (inclusive UTC days)
//   day=2026-11-22 (the day whose pages are listed)
// Quality rows are per UTC landing day, so ranges are whole days; the API takes up to 366 of them. Parsing never
// throws: what a hand-edited link got wrong is listed in `problems` and the default is used instead.
import { addDays, isIsoDate, rangeLengthDays, toIsoDate } from '../../app/dates';

export const QUALITY_PRESETS = ['last-7d', 'last-30d', 'last-90d'] as const;
export type QualityPreset = (typeof QUALITY_PRESETS)[number];
export const QUALITY_PRESET_LABELS: Record<QualityPreset, string> = {
  'last-7d': 'Last 7 days',
  'last-30d': 'Last 30 days',
  'last-90d': 'Last 90 days',
};
const PRESET_DAYS: Record<QualityPreset, number> = { 'last-7d': 7, 'last-30d': 30, 'last-90d': 90 };

/** The API refuses longer ranges (QualityReportService.MaxDays). */
export const MAX_QUALITY_DAYS = 366;
export const DEFAULT_PRESET: QualityPreset = 'last-30d';

export type QualityRange = { preset: QualityPreset } | { from: string; to: string };

export interface QualityState {
  /** Null until the sources are known (the page then picks one). */
  source: string | null;
  range: QualityRange;
  /** The day whose pages are listed, if any. */
  day: string | null;
}

export function parseQualityState(params: URLSearchParams, sources: readonly string[]): { state: QualityState; problems: string[] } {
  const problems: string[] = [];
  const state: QualityState = { source: null, range: { preset: DEFAULT_PRESET }, day: null };

  const source = params.get('source');
  if (source && sources.includes(source)) state.source = source;
  else if (source) problems.push(`There is no source "${source}": the first source is shown.`);
  if (!state.source) state.source = sources[0] ?? null;

  const from = params.get('from');
  const to = params.get('to');
  const preset = params.get('range');
  if (from || to) {
    const check = checkQualityRange(from ?? '', to ?? '');
    if (check.ok) state.range = check.range;
    else problems.push(`${check.message} The last 30 days are shown.`);
  } else if (preset) {
    if ((QUALITY_PRESETS as readonly string[]).includes(preset)) state.range = { preset: preset as QualityPreset };
    else problems.push(`Range "${preset}" is not one of ${QUALITY_PRESETS.join(', ')}: the last 30 days are shown.`);
  }

  const day = params.get('day');
  if (day && isIsoDate(day)) state.day = day;
  else if (day) problems.push(`The day "${day}" is not a date (YYYY-MM-DD): no day's pages are listed.`);
  return { state, problems };
}

export function qualityParams(state: QualityState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.source) p.set('source', state.source);
  if ('preset' in state.range) p.set('range', state.range.preset);
  else {
    p.set('from', state.range.from);
    p.set('to', state.range.to);
  }
  if (state.day) p.set('day', state.day);
  return p;
}

/** The inclusive UTC days a range covers; a preset ends today (UTC), as the API's own default does. */
export function qualityDays(range: QualityRange, now: Date): { from: string; to: string } {
  if (!('preset' in range)) return range;
  const today = toIsoDate(now.getTime());
  return { from: addDays(today, -(PRESET_DAYS[range.preset] - 1)), to: today };
}

export type QualityRangeCheck = { ok: true; range: { from: string; to: string } } | { ok: false; field: 'from' | 'to'; message: string };

/** A typed range: two real days, in order, at most MAX_QUALITY_DAYS long; the message names the field to fix. */
export function checkQualityRange(from: string, to: string, edited: 'from' | 'to' = 'to'): QualityRangeCheck {
  if (!isIsoDate(from)) return { ok: false, field: 'from', message: `From: enter a date as YYYY-MM-DD${from ? ` ("${from}" is not one)` : ''}.` };
  if (!isIsoDate(to)) return { ok: false, field: 'to', message: `To: enter a date as YYYY-MM-DD${to ? ` ("${to}" is not one)` : ''}.` };
  if (to < from) {
    return edited === 'from'
      ? { ok: false, field: 'from', message: `From: ${from} is after the last day ${to}.` }
      : { ok: false, field: 'to', message: `To: ${to} is before the first day ${from}.` };
  }
  const days = rangeLengthDays({ from, to });
  if (days > MAX_QUALITY_DAYS) return { ok: false, field: edited, message: `${edited === 'from' ? 'From' : 'To'}: ${from} to ${to} is ${days} days; at most ${MAX_QUALITY_DAYS} can be shown.` };
  return { ok: true, range: { from, to } };
}
