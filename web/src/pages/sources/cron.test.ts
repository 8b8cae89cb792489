import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseSchedule, scheduleIntervalSeconds } from './cron';

const at = (iso: string) => Date.parse(iso);

describe('schedule interval', () => {
  it('reads hourly, every-n-minutes, daily and yearly schedules', () => {
    expect(scheduleIntervalSeconds('0 5 * * * *', '2026-12-02T12:05:00Z', '2026-12-02T11:30:00Z')).toBe(3600);
    expect(scheduleIntervalSeconds('0 */15 * * * *', null, '2026-12-02T11:31:00Z')).toBe(900);
    expect(scheduleIntervalSeconds('30 2 * * *', null, '2026-12-02T11:31:00Z')).toBe(86_400);
    expect(scheduleIntervalSeconds('0 0 0 1 1 *', '2027-01-01T00:00:00Z', '2026-12-02T00:00:00Z')).toBe(365 * 86_400);
  });

  it('measures from the next run, so an uneven schedule gives the gap that follows it', () => {
    // 06:00 and 18:00 on weekdays: from Friday 18:00 the next is Monday 06:00.
    expect(scheduleIntervalSeconds('0 0 6,18 * * 1-5', '2026-12-04T18:00:00Z', '2026-12-04T12:00:00Z')).toBe((2 * 24 + 12) * 3600);
  });

  it('gives null for no schedule or one it cannot read', () => {
    expect(scheduleIntervalSeconds(null, null, '2026-12-02T00:00:00Z')).toBeNull();
    expect(scheduleIntervalSeconds('every hour', null, '2026-12-02T00:00:00Z')).toBeNull();
    expect(scheduleIntervalSeconds('0 61 * * * *', null, '2026-12-02T00:00:00Z')).toBeNull();
  });

  it('finds the next occurrence strictly after an instant', () => {
    const s = parseSchedule('0 5 * * * *')!;
    expect(new Date(nextOccurrence(s, at('2026-12-02T11:05:00Z'))!).toISOString()).toBe('2026-12-02T12:05:00.000Z');
    expect(new Date(nextOccurrence(s, at('2026-12-02T23:59:59Z'))!).toISOString()).toBe('2026-12-03T00:05:00.000Z');
  });
});
