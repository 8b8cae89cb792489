// Wording for the status line and the chart's accessible name.
import { dayStartMs, type DateRange } from './dates';

const count = (n: number, one: string, many = `${one}s`): string =>
  `${new Intl.NumberFormat('en-GB').format(n)} ${n === 1 ? one : many}`;

/** "Updated 14:03:12 UTC" */
export function formatUpdated(at: Date, prefix = 'Updated'): string {
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });
  return `${prefix} ${time} UTC`;
}

/** "21 Nov 2026" */
export function formatDay(isoDate: string): string {
  return new Date(dayStartMs(isoDate)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "21 Nov 2026 to 23 Nov 2026" (or a single day). */
export function formatRange(range: DateRange): string {
  return range.from === range.to ? formatDay(range.from) : `${formatDay(range.from)} to ${formatDay(range.to)}`;
}

/** "Oslo", "Oslo and Bergen", "Oslo, Bergen and Trondheim", "all 5 cities" */
export function formatCities(names: readonly string[], all: boolean): string {
  if (all && names.length > 1) return `all ${names.length} cities`;
  if (names.length === 0) return 'no cities';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export type LoadOutcome =
  | { kind: 'ready'; pointCount: number; seriesCount: number }
  | { kind: 'empty'; reason: 'no-data' | 'no-cities' }
  | { kind: 'error'; message: string; background: boolean };

export function describeOutcome(outcome: LoadOutcome): string {
  switch (outcome.kind) {
    case 'ready':
      return `Showing ${count(outcome.pointCount, 'point')} in ${count(outcome.seriesCount, 'series', 'series')}.`;
    case 'empty':
      return outcome.reason === 'no-cities'
        ? 'No city selected. Choose at least one city to see the chart.'
        : 'No data for this selection. Try other dates or cities.';
    case 'error':
      return outcome.background ? `Could not refresh. ${outcome.message} The chart shows the last data received.` : outcome.message;
  }
}

/** Accessible name of the chart container. */
export function describeChart(metricName: string, cityText: string, range: DateRange, outcome: LoadOutcome): string {
  const what = `${metricName} for ${cityText}, ${formatRange(range)} (UTC)`;
  switch (outcome.kind) {
    case 'ready':
      return `Line chart of ${what}: ${count(outcome.pointCount, 'point')}. The data is also available as a table below.`;
    case 'empty':
      return `Chart of ${what}: no data.`;
    case 'error':
      return `Chart of ${what}: could not be loaded.`;
  }
}
