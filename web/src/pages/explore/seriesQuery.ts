// What Explore asks the series API for. The chart never asks for more points than it can draw: about two per CSS
// pixel of its width (LTTB keeps the shape at that density), within the API's 2..10000.
import type { ExploreState, Grain } from '../../app/exploreState';

export const MIN_POINTS = 2;
export const MAX_POINTS = 10_000;

export function maxPointsFor(widthPx: number): number {
  const wanted = Math.floor(2 * (Number.isFinite(widthPx) ? widthPx : 0));
  return Math.min(MAX_POINTS, Math.max(MIN_POINTS, wanted));
}

export interface SeriesQuery {
  city?: string;
  stop?: string;
  grain: Grain;
  from: string;
  to: string;
  maxPoints: string;
}

/**
 * The query of one KPI's series. A stop place belongs to one city, and the API refuses a city list without it,
 * so with a stop no city is sent. Heatmaps place buckets by hour of day, so they always read hourly buckets.
 */
export function seriesQuery(state: ExploreState, range: { from: string; to: string }, maxPoints: number): SeriesQuery {
  const query: SeriesQuery = { grain: effectiveGrain(state), from: range.from, to: range.to, maxPoints: String(maxPoints) };
  if (state.stop) query.stop = state.stop;
  else if (state.cities.length > 0) query.city = state.cities.join(',');
  return query;
}

export function effectiveGrain(state: ExploreState): Grain {
  return state.chart === 'heatmap' ? 'hour' : state.grain;
}
