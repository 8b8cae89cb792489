// Explore's whole state as URL parameters, so a link (or a saved view) reopens exactly what was on screen:
//   kpi=on_time_performance,mean_delay  city=oslo,bergen  stop=NSR:StopPlace:337  grain=hour|day
//   range=last-7d  or  from=2026-11-20&to=2026-11-26 (inclusive UTC days)
//   chart=series|heatmap  heatmap=hour-day|city-hour
// Parsing never throws: unknown or malformed values fall back to defaults and are listed in `problems`, which the
// page shows, so a hand-edited link says what it ignored.
import type { Schemas } from './api';
import { addDays, isIsoDate, rangeLengthDays, toIsoDate } from './dates';

export const PRESETS = ['last-24h', 'last-48h', 'last-7d', 'last-14d', 'last-31d'] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABELS: Record<Preset, string> = {
  'last-24h': 'Last 24 hours',
  'last-48h': 'Last 48 hours',
  'last-7d': 'Last 7 days',
  'last-14d': 'Last 14 days',
  'last-31d': 'Last 31 days',
};
const PRESET_HOURS: Record<Preset, number> = { 'last-24h': 24, 'last-48h': 48, 'last-7d': 168, 'last-14d': 336, 'last-31d': 744 };

export const MAX_KPIS = 4;
export const MAX_RANGE_DAYS = 31;

export type Grain = 'hour' | 'day';
export type ChartKind = 'series' | 'heatmap';
export type HeatmapKind = 'hour-day' | 'city-hour';
export type RangeChoice = { preset: Preset } | { from: string; to: string };

export interface ExploreState {
  kpis: string[];
  /** Empty = every city. */
  cities: string[];
  stop: string | null;
  grain: Grain;
  range: RangeChoice;
  chart: ChartKind;
  heatmap: HeatmapKind;
}

export interface ParsedExploreState {
  state: ExploreState;
  problems: string[];
}

export interface CatalogLike {
  kpis: { id: string; grains: string[]; dimensions: string[] }[];
  cities: { id: string }[];
}

export const DEFAULT_KPI = 'thermal_comfort';

export function defaultState(catalog?: CatalogLike): ExploreState {
  const kpi = catalog?.kpis.find((k) => k.id === DEFAULT_KPI)?.id ?? catalog?.kpis[0]?.id ?? DEFAULT_KPI;
  return { kpis: [kpi], cities: [], stop: null, grain: 'hour', range: { preset: 'last-48h' }, chart: 'series', heatmap: 'hour-day' };
}

const list = (value: string | null) => (value ?? '').split(',').map((v) => v.trim()).filter((v) => v.length > 0);

export function parseExploreState(params: URLSearchParams, catalog?: CatalogLike): ParsedExploreState {
  const problems: string[] = [];
  const state = defaultState(catalog);

  const kpis = [...new Set(list(params.get('kpi')))];
  if (kpis.length > 0) {
    const known = catalog ? kpis.filter((k) => catalog.kpis.some((c) => c.id === k)) : kpis;
    for (const k of kpis) if (!known.includes(k)) problems.push(`Unknown KPI "${k}" was left out.`);
    if (known.length > MAX_KPIS) problems.push(`At most ${MAX_KPIS} KPIs at once: the first ${MAX_KPIS} are shown.`);
    if (known.length > 0) state.kpis = known.slice(0, MAX_KPIS);
  }

  const cities = [...new Set(list(params.get('city')))];
  const knownCities = catalog ? cities.filter((c) => catalog.cities.some((k) => k.id === c)) : cities;
  for (const c of cities) if (!knownCities.includes(c)) problems.push(`Unknown city "${c}" was left out.`);
  state.cities = knownCities;

  const stop = params.get('stop');
  if (stop) state.stop = stop;

  const grain = params.get('grain');
  if (grain === 'hour' || grain === 'day') state.grain = grain;
  else if (grain) problems.push(`Grain "${grain}" is not hour or day: hour is shown.`);
  if (catalog) {
    const without = state.kpis.find((k) => !catalog.kpis.find((c) => c.id === k)?.grains.includes(state.grain));
    if (without) {
      problems.push(`KPI "${without}" has no ${state.grain} grain.`);
      state.grain = state.grain === 'hour' ? 'day' : 'hour';
    }
    if (state.stop && state.kpis.some((k) => !catalog.kpis.find((c) => c.id === k)?.dimensions.includes('stopPlace'))) {
      problems.push('The stop filter applies only to KPIs computed per stop place: it was cleared.');
      state.stop = null;
    }
  }

  const preset = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  if (from || to) {
    if (from && to && isIsoDate(from) && isIsoDate(to) && from <= to && rangeLengthDays({ from, to }) <= MAX_RANGE_DAYS) state.range = { from, to };
    else problems.push(`The dates ${from ?? '?'} to ${to ?? '?'} are not a range of 1 to ${MAX_RANGE_DAYS} days (YYYY-MM-DD): the last 48 hours are shown.`);
  } else if (preset) {
    if ((PRESETS as readonly string[]).includes(preset)) state.range = { preset: preset as Preset };
    else problems.push(`Range "${preset}" is not one of ${PRESETS.join(', ')}.`);
  }

  const chart = params.get('chart');
  if (chart === 'series' || chart === 'heatmap') state.chart = chart;
  else if (chart) problems.push(`Chart "${chart}" is not series or heatmap.`);
  const heatmap = params.get('heatmap');
  if (heatmap === 'hour-day' || heatmap === 'city-hour') state.heatmap = heatmap;
  else if (heatmap) problems.push(`Heatmap "${heatmap}" is not hour-day or city-hour.`);

  return { state, problems };
}

export function exploreParams(state: ExploreState): URLSearchParams {
  const p = new URLSearchParams();
  p.set('kpi', state.kpis.join(','));
  if (state.cities.length > 0) p.set('city', state.cities.join(','));
  if (state.stop) p.set('stop', state.stop);
  p.set('grain', state.grain);
  if ('preset' in state.range) p.set('range', state.range.preset);
  else {
    p.set('from', state.range.from);
    p.set('to', state.range.to);
  }
  if (state.chart !== 'series') p.set('chart', state.chart);
  if (state.chart === 'heatmap') p.set('heatmap', state.heatmap);
  return p;
}

/** The half-open UTC interval [from, to) the state asks for. Presets end at the next whole hour after `now`. */
export function resolveRange(range: RangeChoice, now: Date): { from: string; to: string } {
  if ('preset' in range) {
    const end = Math.ceil(now.getTime() / 3_600_000) * 3_600_000;
    const start = end - PRESET_HOURS[range.preset] * 3_600_000;
    return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
  }
  return { from: `${range.from}T00:00:00.000Z`, to: `${addDays(range.to, 1)}T00:00:00.000Z` };
}

/** The range as inclusive UTC days (what the custom date inputs show). */
export function rangeDays(range: RangeChoice, now: Date): { from: string; to: string } {
  if (!('preset' in range)) return range;
  const { from, to } = resolveRange(range, now);
  return { from: toIsoDate(Date.parse(from)), to: toIsoDate(Date.parse(to) - 1) };
}

/** A saved view's body (POST /api/v1/views). Only one of preset or from/to is sent. */
export function viewDraft(state: ExploreState, name: string): Schemas['ViewDraft'] {
  // Every member is sent (null where unused): the shape the API documents and reads views back in.
  const range: Schemas['ViewRange'] = 'preset' in state.range
    ? { preset: state.range.preset, from: null, to: null }
    : { preset: null, from: `${state.range.from}T00:00:00Z`, to: `${addDays(state.range.to, 1)}T00:00:00Z` };
  return {
    name,
    kpis: state.kpis,
    cities: state.cities,
    stop: state.stop,
    grain: state.grain,
    range,
    options: state.chart === 'heatmap' ? { chart: state.chart, heatmap: state.heatmap } : { chart: state.chart },
  };
}

/** Explore's parameters for a saved view. */
export function paramsFromView(view: Schemas['SavedView']): URLSearchParams {
  const state: ExploreState = {
    kpis: view.kpis,
    cities: view.cities,
    stop: view.stop ?? null,
    grain: view.grain === 'day' ? 'day' : 'hour',
    range: view.range.preset && (PRESETS as readonly string[]).includes(view.range.preset)
      ? { preset: view.range.preset as Preset }
      : { from: toIsoDate(Date.parse(view.range.from ?? '')), to: toIsoDate(Date.parse(view.range.to ?? '') - 1) },
    chart: view.options.chart === 'heatmap' ? 'heatmap' : 'series',
    heatmap: view.options.heatmap === 'city-hour' ? 'city-hour' : 'hour-day',
  };
  return exploreParams(state);
}
