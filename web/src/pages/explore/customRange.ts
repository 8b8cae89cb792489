// The custom date range as typed: two inclusive UTC days, at most MAX_RANGE_DAYS long. A bad range is not applied;
// the message names the field to fix and says why.
import { isIsoDate, rangeLengthDays } from '../../app/dates';
import { MAX_RANGE_DAYS } from '../../app/exploreState';

export type RangeField = 'from' | 'to';

export type RangeCheck =
  | { ok: true; range: { from: string; to: string } }
  | { ok: false; field: RangeField; message: string };

export const FIELD_LABELS: Record<RangeField, string> = { from: 'From', to: 'To (inclusive)' };

export function checkCustomRange(from: string, to: string, edited: RangeField = 'to'): RangeCheck {
  if (!isIsoDate(from)) return { ok: false, field: 'from', message: `${FIELD_LABELS.from}: enter a date as YYYY-MM-DD${from ? ` ("${from}" is not one)` : ''}.` };
  if (!isIsoDate(to)) return { ok: false, field: 'to', message: `${FIELD_LABELS.to}: enter a date as YYYY-MM-DD${to ? ` ("${to}" is not one)` : ''}.` };
  if (to < from) {
    return edited === 'from'
      ? { ok: false, field: 'from', message: `${FIELD_LABELS.from}: ${from} is after the end day ${to}. Pick a day on or before ${to}.` }
      : { ok: false, field: 'to', message: `${FIELD_LABELS.to}: ${to} is before the start day ${from}. Pick a day on or after ${from}.` };
  }
  const days = rangeLengthDays({ from, to });
  if (days > MAX_RANGE_DAYS) {
    return { ok: false, field: edited, message: `${FIELD_LABELS[edited]}: ${from} to ${to} is ${days} days; at most ${MAX_RANGE_DAYS} days can be shown at once.` };
  }
  return { ok: true, range: { from, to } };
}
