// Calendar days are UTC days written as ISO dates (YYYY-MM-DD), the format of <input type="date">.
// A range is inclusive on both ends in the UI and the URL; the API takes an exclusive `to` instant.

export const DAY_MS = 86_400_000;

/** The server refuses ranges longer than this (inclusive days). */
export const MAX_RANGE_DAYS = 31;

export interface DateRange {
  /** First UTC day shown, YYYY-MM-DD. */
  from: string;
  /** Last UTC day shown (inclusive), YYYY-MM-DD. */
  to: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) && toIsoDate(ms) === value;
}

/** Milliseconds since the epoch to the UTC calendar day. */
export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of the UTC day as milliseconds since the epoch. */
export function dayStartMs(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

export function addDays(isoDate: string, days: number): string {
  return toIsoDate(dayStartMs(isoDate) + days * DAY_MS);
}

/** Number of days covered by an inclusive range (same day = 1). */
export function rangeLengthDays(range: DateRange): number {
  return Math.round((dayStartMs(range.to) - dayStartMs(range.from)) / DAY_MS) + 1;
}

/** Yesterday .. tomorrow in UTC: the last two days of observations plus one forecast day. */
export function defaultRange(now: Date): DateRange {
  const today = toIsoDate(now.getTime());
  return { from: addDays(today, -1), to: addDays(today, 1) };
}

export interface NormalisedRange {
  range: DateRange;
  /** Which end was moved to make the range valid, if any. */
  adjusted: 'from' | 'to' | null;
}

/**
 * Makes a range valid (from <= to, at most MAX_RANGE_DAYS) by moving the end the user did not just edit.
 * Without `changed` (e.g. a range read from the URL) the start is moved.
 */
export function normaliseRange(range: DateRange, changed?: 'from' | 'to'): NormalisedRange {
  let { from, to } = range;
  if (changed === 'from') {
    if (to < from) return { range: { from, to: from }, adjusted: 'to' };
    if (rangeLengthDays({ from, to }) > MAX_RANGE_DAYS) {
      return { range: { from, to: addDays(from, MAX_RANGE_DAYS - 1) }, adjusted: 'to' };
    }
    return { range: { from, to }, adjusted: null };
  }
  if (from > to) {
    from = to;
    return { range: { from, to }, adjusted: 'from' };
  }
  if (rangeLengthDays({ from, to }) > MAX_RANGE_DAYS) {
    return { range: { from: addDays(to, -(MAX_RANGE_DAYS - 1)), to }, adjusted: 'from' };
  }
  return { range: { from, to }, adjusted: null };
}

/** The API's half-open interval [from, to) as ISO UTC instants. */
export function rangeToApi(range: DateRange): { from: string; to: string } {
  return { from: `${range.from}T00:00:00Z`, to: `${addDays(range.to, 1)}T00:00:00Z` };
}

/** Half-open interval [fromMs, toMs) covered by the range. */
export function rangeToMs(range: DateRange): { fromMs: number; toMs: number } {
  return { fromMs: dayStartMs(range.from), toMs: dayStartMs(range.to) + DAY_MS };
}
