// How long a source's schedule lets it go between runs, read from its NCRONTAB expression (6 fields with seconds,
// or 5). The status API gives the expression and the next run; the interval is what tells "stale" from "not due
// yet" without a threshold of our own. Only what NCRONTAB accepts is read: `*`, numbers, lists, ranges and steps.

const FIELDS = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 7 }, // day of week (0 and 7 are Sunday)
] as const;

interface Schedule {
  seconds: number[];
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  anyDay: boolean;
  anyWeekday: boolean;
}

function parseField(text: string, min: number, max: number): number[] | null {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || range === undefined) return null;
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) [from, to] = range.split('-').map(Number) as [number, number];
    else {
      from = Number(range);
      to = stepText === undefined ? from : max;
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < min || to > max || from > to) return null;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

export function parseSchedule(expression: string): Schedule | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length === 5) parts.unshift('0');
  if (parts.length !== 6) return null;
  const fields = parts.map((p, i) => parseField(p, FIELDS[i]!.min, FIELDS[i]!.max));
  if (fields.some((f) => f === null || f.length === 0)) return null;
  const [seconds, minutes, hours, days, months, weekdays] = fields as number[][];
  return {
    seconds: seconds!,
    minutes: minutes!,
    hours: hours!,
    days: new Set(days),
    months: new Set(months),
    weekdays: new Set(weekdays!.map((d) => d % 7)),
    anyDay: parts[3] === '*',
    anyWeekday: parts[5] === '*',
  };
}

function dayMatches(s: Schedule, day: Date): boolean {
  if (!s.months.has(day.getUTCMonth() + 1)) return false;
  const dom = s.days.has(day.getUTCDate());
  const dow = s.weekdays.has(day.getUTCDay());
  // As cron: when both day fields are restricted, either one matching is enough.
  if (!s.anyDay && !s.anyWeekday) return dom || dow;
  return dom && dow;
}

/** The first occurrence strictly after `afterMs` (UTC), within about four years; null when none. */
export function nextOccurrence(s: Schedule, afterMs: number): number | null {
  const start = new Date(Math.floor(afterMs / 1000) * 1000 + 1000);
  const firstDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  for (let d = 0; d < 4 * 366; d++) {
    const dayMs = firstDay + d * 86_400_000;
    if (!dayMatches(s, new Date(dayMs))) continue;
    for (const h of s.hours)
      for (const m of s.minutes)
        for (const sec of s.seconds) {
          const at = dayMs + ((h * 60 + m) * 60 + sec) * 1000;
          if (at >= start.getTime()) return at;
        }
  }
  return null;
}

const intervals = new Map<string, number | null>();

/**
 * Seconds from the next run to the one after it (the API's `nextRunUtc`, else `fromUtc`), or null when the
 * expression is missing or not one this reads. Kept per expression and start, since the live refresh asks often.
 */
export function scheduleIntervalSeconds(expression: string | null | undefined, nextRunUtc: string | null | undefined, fromUtc: string): number | null {
  if (!expression) return null;
  const key = `${expression}|${nextRunUtc ?? fromUtc}`;
  if (intervals.has(key)) return intervals.get(key)!;
  const schedule = parseSchedule(expression);
  let interval: number | null = null;
  if (schedule) {
    const next = nextRunUtc ? Date.parse(nextRunUtc) : nextOccurrence(schedule, Date.parse(fromUtc));
    const after = next === null || Number.isNaN(next) ? null : nextOccurrence(schedule, next);
    interval = next !== null && after !== null ? Math.round((after - next) / 1000) : null;
  }
  if (intervals.size > 100) intervals.clear();
  intervals.set(key, interval);
  return interval;
}
