// How a saved view is described in the list: its KPIs by name, its cities, its range in words (UTC days), and where
// it opens. Pure functions, so the wording is tested without a browser.
import type { Schemas } from '../../app/api';
import { PRESET_LABELS, PRESETS, paramsFromView, type Preset } from '../../app/exploreState';
import { formatRoute } from '../../app/route';

type View = Schemas['SavedView'];

export interface NameLookup {
  kpis: ReadonlyMap<string, string>;
  cities: ReadonlyMap<string, string>;
}

/** KPI names in the view's order; an id the catalog no longer lists is shown as the id (Explore reports it). */
export function kpiNames(view: View, names: NameLookup): string {
  return view.kpis.map((id) => names.kpis.get(id) ?? id).join(', ');
}

export function cityNames(view: View, names: NameLookup): string {
  return view.cities.length === 0 ? 'All cities' : view.cities.map((id) => names.cities.get(id) ?? id).join(', ');
}

/**
 * The range as the view stored it: a preset is relative (it moves with the clock), a custom range is written as
 * the inclusive UTC days Explore shows (the API keeps [from, to) instants, `to` being the midnight after).
 */
export function rangeLabel(range: Schemas['ViewRange']): string {
  if (range.preset && (PRESETS as readonly string[]).includes(range.preset)) return PRESET_LABELS[range.preset as Preset];
  if (range.preset) return range.preset;
  const from = Date.parse(range.from ?? '');
  const to = Date.parse(range.to ?? '');
  if (Number.isNaN(from) || Number.isNaN(to)) return '—';
  const first = new Date(from).toISOString().slice(0, 10);
  const last = new Date(to - 1).toISOString().slice(0, 10);
  return first === last ? `${first} (UTC)` : `${first} to ${last} (UTC)`;
}

/** The Explore hash that reopens the view. */
export function exploreHash(view: View): string {
  return formatRoute('explore', paramsFromView(view));
}

/** Newest first; views created in the same instant by name, so the order never flickers between refreshes. */
export function byNewest(a: View, b: View): number {
  return b.createdUtc.localeCompare(a.createdUtc) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
