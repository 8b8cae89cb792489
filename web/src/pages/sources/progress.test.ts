import { describe, expect, it } from 'vitest';
import { backfillProgress, backfillQuery, checkDays, replayProgress, type BackfillStatus, type ReplayStatus } from './progress';

describe('checkDays', () => {
  it('accepts an inclusive range up to today and the limit', () => {
    expect(checkDays('2026-12-01', '2026-12-01', '2026-12-02', 93)).toBeNull();
    expect(checkDays('2026-11-01', '2026-12-02', '2026-12-02', 93)).toBeNull();
  });

  it('names the input that is wrong', () => {
    expect(checkDays('', '2026-12-01', '2026-12-02', 93)).toEqual({ field: 'from', message: '"From" must be a date (YYYY-MM-DD), not "".' });
    expect(checkDays('2026-12-01', '2026-02-30', '2026-12-02', 93)).toEqual({ field: 'to', message: '"To" must be a date (YYYY-MM-DD), not "2026-02-30".' });
    expect(checkDays('2026-12-02', '2026-12-01', '2026-12-02', 93)).toEqual({ field: 'to', message: '"To" (2026-12-01) is before "From" (2026-12-02).' });
    expect(checkDays('2026-12-03', '2026-12-04', '2026-12-02', 93)).toEqual({ field: 'from', message: '"From" (2026-12-03) is in the future (today is 2026-12-02 UTC).' });
    expect(checkDays('2026-08-01', '2026-12-01', '2026-12-02', 93)).toEqual({ field: 'from', message: 'The range covers 123 days; at most 93 are allowed. Move "From" closer or split it.' });
  });
});

describe('backfillQuery', () => {
  it('sends whole UTC days as a half-open range', () => {
    expect(backfillQuery('2026-11-30', '2026-12-01', '2026-12-02T11:35:10Z')).toEqual({ from: '2026-11-30T00:00:00Z', to: '2026-12-02T00:00:00Z' });
  });

  it('ends a range that reaches today at the next whole hour of the API’s clock', () => {
    expect(backfillQuery('2026-12-02', '2026-12-02', '2026-12-02T11:35:10.123Z')).toEqual({ from: '2026-12-02T00:00:00Z', to: '2026-12-02T12:00:00Z' });
  });
});

const chunk = (outcome: string, error: string | null = null) => ({ runId: 'r', from: '2026-12-01T00:00:00Z', to: '2026-12-01T03:00:00Z', outcome, pages: 1, bytes: 10, error });

describe('progress', () => {
  it('counts a backfill’s chunks until all are settled', () => {
    const status: BackfillStatus = { source: 's', from: '', to: '', done: 1, failed: 0, total: 3, chunks: [chunk('Succeeded'), chunk('Pending'), chunk('Pending')] };
    expect(backfillProgress(status)).toEqual({ finished: false, failed: false, value: 1, max: 3, text: '1 of 3 chunks done…' });
    const done = { ...status, done: 2, failed: 1, chunks: [chunk('Succeeded'), chunk('Succeeded'), chunk('Failed', 'vendor 500')] };
    expect(backfillProgress(done)).toEqual({ finished: true, failed: true, value: 3, max: 3, text: '2 of 3 chunks done, 1 failed. Finished with failures. Last error: vendor 500' });
  });

  it('follows a replay’s days and queued pages to Done', () => {
    const status: ReplayStatus = {
      source: 's', id: 'r1', from: '2026-12-01', to: '2026-12-02', generation: 1, status: 'Running', daysTotal: 2, daysDone: 1,
      blobsQueued: 4, blobsSkipped: 0, startedUtc: '2026-12-02T10:00:00Z', finishedUtc: null, error: null, skipped: [],
    };
    expect(replayProgress(status)).toEqual({ finished: false, failed: false, value: 1, max: 2, text: '1 of 2 days done, 4 raw pages queued for curation…' });
    expect(replayProgress({ ...status, status: 'Done', daysDone: 2, blobsQueued: 7, blobsSkipped: 1 }).text).toBe('2 of 2 days done, 7 raw pages queued for curation, 1 skipped. Finished.');
  });
});
