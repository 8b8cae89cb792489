// The admin actions' inputs and progress in words: pure, so the rules are tested without a browser.
import type { Schemas } from '../../app/api';
import { addDays, isIsoDate, rangeLengthDays } from '../../app/dates';
import { formatCount } from '../../app/format';

export type BackfillStatus = Schemas['BackfillStatus'];
export type ReplayStatus = Schemas['RawReplayStatus'];

/** The API's limits: a backfill covers at most 93 days (BackfillService.MaxDays), a replay 366 (RawReplayRequest). */
export const MAX_BACKFILL_DAYS = 93;
export const MAX_REPLAY_DAYS = 366;

export interface DayProblem {
  /** The input to mark and focus. */
  field: 'from' | 'to';
  message: string;
}

/**
 * Checks an inclusive range of UTC days typed into two date inputs, against the API's own day (`today`), and says
 * what is wrong naming the input, or null when it is fine.
 */
export function checkDays(from: string, to: string, today: string, maxDays: number): DayProblem | null {
  if (!isIsoDate(from)) return { field: 'from', message: `"From" must be a date (YYYY-MM-DD), not "${from}".` };
  if (!isIsoDate(to)) return { field: 'to', message: `"To" must be a date (YYYY-MM-DD), not "${to}".` };
  if (to < from) return { field: 'to', message: `"To" (${to}) is before "From" (${from}).` };
  if (from > today) return { field: 'from', message: `"From" (${from}) is in the future (today is ${today} UTC).` };
  const days = rangeLengthDays({ from, to });
  if (days > maxDays) return { field: 'from', message: `The range covers ${days} days; at most ${maxDays} are allowed. Move "From" closer or split it.` };
  return null;
}

/** The backfill's half-open instant range [from 00:00, the day after `to` 00:00), capped at the API's now (no future chunks). */
export function backfillQuery(from: string, to: string, nowUtc: string): { from: string; to: string } {
  const end = `${addDays(to, 1)}T00:00:00Z`;
  const now = new Date(Date.parse(nowUtc));
  // The API refuses a 'from' in the future and plans whole hours; ending at the current hour keeps tomorrow out.
  now.setUTCMinutes(0, 0, 0);
  now.setUTCHours(now.getUTCHours() + 1);
  const cap = now.toISOString().replace('.000Z', 'Z');
  return { from: `${from}T00:00:00Z`, to: end < cap ? end : cap };
}

export interface Progress {
  finished: boolean;
  failed: boolean;
  value: number;
  max: number;
  text: string;
}

export function backfillProgress(status: BackfillStatus): Progress {
  const settled = status.done + status.failed;
  const finished = status.total > 0 && settled >= status.total;
  const failures = status.chunks.filter((c) => c.error).map((c) => c.error);
  const text =
    `${formatCount(status.done)} of ${formatCount(status.total)} chunk${status.total === 1 ? '' : 's'} done` +
    (status.failed > 0 ? `, ${formatCount(status.failed)} failed` : '') +
    (finished ? (status.failed > 0 ? '. Finished with failures.' : '. Finished.') : '…') +
    (failures.length > 0 ? ` Last error: ${failures[failures.length - 1]}` : '');
  return { finished, failed: status.failed > 0, value: settled, max: Math.max(1, status.total), text };
}

export function replayProgress(status: ReplayStatus): Progress {
  const finished = status.status === 'Done';
  const text =
    `${formatCount(status.daysDone)} of ${formatCount(status.daysTotal)} day${status.daysTotal === 1 ? '' : 's'} done, ` +
    `${formatCount(status.blobsQueued)} raw page${status.blobsQueued === 1 ? '' : 's'} queued for curation` +
    (status.blobsSkipped > 0 ? `, ${formatCount(status.blobsSkipped)} skipped` : '') +
    (finished ? '. Finished.' : '…') +
    (status.error ? ` Error: ${status.error}` : '');
  return { finished, failed: Boolean(status.error), value: status.daysDone, max: Math.max(1, status.daysTotal), text };
}
