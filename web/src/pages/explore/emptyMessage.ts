// The empty state's words: which filters found nothing, when, where the catalog has data, and a wider range to try.
import type { Schemas } from '../../app/api';
import { DAY_MS, toIsoDate } from '../../app/dates';
import { MAX_RANGE_DAYS, type ExploreState, type RangeChoice } from '../../app/exploreState';
import { formatUtc } from '../../app/format';

export interface EmptyMessage {
  title: string;
  detail: string;
  /** A range with data to offer, if the catalog knows one. */
  widen: { label: string; range: RangeChoice } | null;
}

export function emptyMessage(state: ExploreState, range: { from: string; to: string }, catalog: Pick<Schemas['CatalogV1Response'], 'kpis' | 'data'>): EmptyMessage {
  const title = `No data for these filters between ${formatUtc(range.from)} and ${formatUtc(range.to)}.`;
  const extents = state.kpis.map((id) => catalog.kpis.find((k) => k.id === id)?.data).filter((d) => d !== null && d !== undefined);
  const extent = extents.length > 0
    ? { from: Math.min(...extents.map((d) => Date.parse(d.from))), to: Math.max(...extents.map((d) => Date.parse(d.to))) }
    : catalog.data ? { from: Date.parse(catalog.data.from), to: Date.parse(catalog.data.to) } : null;
  if (!extent || !Number.isFinite(extent.from) || !Number.isFinite(extent.to)) {
    return { title, detail: 'Try a wider range or other cities. The catalog has no data for these KPIs yet.', widen: null };
  }
  const detail = `Try a wider range, other cities or no stop place. The catalog has data for ${state.kpis.length === 1 ? 'this KPI' : 'these KPIs'} from ${formatUtc(extent.from)} to ${formatUtc(extent.to)}.`;
  // The last days with data, at most the longest range the page shows.
  const lastDay = toIsoDate(extent.to - 1);
  const firstDay = toIsoDate(Math.max(extent.from, extent.to - 1 - (MAX_RANGE_DAYS - 1) * DAY_MS));
  const same = !('preset' in state.range) && state.range.from === firstDay && state.range.to === lastDay;
  return { title, detail, widen: same ? null : { label: `Show ${firstDay} to ${lastDay}`, range: { from: firstDay, to: lastDay } } };
}
