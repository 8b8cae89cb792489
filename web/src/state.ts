import { addDays, defaultRange, isIsoDate, normaliseRange, type DateRange } from './dates';
import type { Catalog, CityInfo, MetricInfo } from './api';

/**
 * What the URL says. `null` means "not chosen", which resolves to a default:
 * metric -> the catalog's first metric, cities -> all cities, range -> the rolling default
 * (yesterday..tomorrow UTC, recomputed on every refresh so a dashboard left open follows the clock).
 */
export interface ViewState {
  metric: string | null;
  /** Selected city ids; `null` = all cities (also cities added to the catalog later), `[]` = none. */
  cities: string[] | null;
  /** A range pinned by the user; `null` = rolling default. */
  range: DateRange | null;
}

/** Same length of window as the default (3 days) when only one end is given. */
const SINGLE_END_SPAN_DAYS = 2;

const ID = /^[A-Za-z0-9_.-]{1,64}$/;

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);

  const metricRaw = params.get('metric')?.trim() ?? '';
  const metric = ID.test(metricRaw) ? metricRaw : null;

  let cities: string[] | null = null;
  const citiesRaw = params.get('cities');
  if (citiesRaw !== null) {
    const ids = citiesRaw
      .split(',')
      .map((c) => c.trim())
      .filter((c) => ID.test(c));
    cities = [...new Set(ids)];
    // "cities=" (explicitly empty) means none; "cities=%%%" (nothing valid) falls back to all.
    if (cities.length === 0 && citiesRaw.trim() !== '') cities = null;
  }

  const fromRaw = params.get('from')?.trim() ?? '';
  const toRaw = params.get('to')?.trim() ?? '';
  const from = isIsoDate(fromRaw) ? fromRaw : null;
  const to = isIsoDate(toRaw) ? toRaw : null;
  let range: DateRange | null = null;
  if (from && to) range = { from, to };
  else if (from) range = { from, to: addDays(from, SINGLE_END_SPAN_DAYS) };
  else if (to) range = { from: addDays(to, -SINGLE_END_SPAN_DAYS), to };
  if (range) range = normaliseRange(range).range;

  return { metric, cities, range };
}

/** The query string for a state, starting with "?" (or "" when everything is default). Ids keep literal commas. */
export function serialiseViewState(state: ViewState): string {
  const parts: string[] = [];
  if (state.metric) parts.push(`metric=${encodeURIComponent(state.metric)}`);
  if (state.cities) parts.push(`cities=${state.cities.map(encodeURIComponent).join(',')}`);
  if (state.range) {
    parts.push(`from=${state.range.from}`, `to=${state.range.to}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export interface ResolvedView {
  metric: MetricInfo;
  /** Cities to draw, in catalog order. */
  cities: CityInfo[];
  /** True when the filter is "all cities" (the API's `city` parameter is then omitted). */
  allCities: boolean;
  range: DateRange;
  rangePinned: boolean;
}

/**
 * Applies the catalog and the clock to a URL state. Unknown metric ids fall back to the first metric,
 * unknown city ids are dropped; selecting every city is the same as "all". Returns null if the catalog has no metric.
 */
export function resolveView(state: ViewState, catalog: Catalog, now: Date): ResolvedView | null {
  const metric = catalog.metrics.find((m) => m.id === state.metric) ?? catalog.metrics[0];
  if (!metric) return null;

  let cities = catalog.cities;
  let allCities = true;
  if (state.cities !== null) {
    const wanted = new Set(state.cities);
    const known = catalog.cities.filter((c) => wanted.has(c.id));
    // If none of the requested ids exist (a stale shared link), show all rather than nothing.
    const keepAll = state.cities.length > 0 && known.length === 0;
    if (!keepAll && known.length < catalog.cities.length) {
      cities = known;
      allCities = false;
    }
  }

  return {
    metric,
    cities,
    allCities,
    range: state.range ?? defaultRange(now),
    rangePinned: state.range !== null,
  };
}

/** The canonical URL state for a resolved view (what the address bar should show). */
export function viewToState(view: ResolvedView): ViewState {
  return {
    metric: view.metric.id,
    cities: view.allCities ? null : view.cities.map((c) => c.id),
    range: view.rangePinned ? view.range : null,
  };
}
