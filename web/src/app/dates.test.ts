import { describe, expect, it } from 'vitest';
import {
  addDays,
  defaultRange,
  isIsoDate,
  normaliseRange,
  rangeLengthDays,
  rangeToApi,
  rangeToMs,
  MAX_RANGE_DAYS,
} from './dates';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-11-22')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-11-22T00:00:00Z')).toBe(false);
    expect(isIsoDate('22.11.2026')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('defaultRange', () => {
  it('is yesterday..tomorrow in UTC (two days of data plus one forecast day)', () => {
    expect(defaultRange(new Date('2026-11-22T10:00:00Z'))).toEqual({ from: '2026-11-21', to: '2026-11-23' });
  });

  it('uses the UTC day, not the local one, near midnight', () => {
    // 23:30 UTC on the 22nd is already the 23rd in Oslo; the UTC day still decides.
    expect(defaultRange(new Date('2026-11-22T23:30:00Z'))).toEqual({ from: '2026-11-21', to: '2026-11-23' });
    expect(defaultRange(new Date('2026-11-23T00:00:00Z'))).toEqual({ from: '2026-11-22', to: '2026-11-24' });
  });

  it('crosses month and year boundaries', () => {
    expect(defaultRange(new Date('2027-01-01T05:00:00Z'))).toEqual({ from: '2026-12-31', to: '2027-01-02' });
  });
});

describe('rangeToApi', () => {
  it('turns the inclusive UI range into the API half-open interval', () => {
    expect(rangeToApi({ from: '2026-11-21', to: '2026-11-22' })).toEqual({
      from: '2026-11-21T00:00:00Z',
      to: '2026-11-23T00:00:00Z',
    });
  });

  it('rangeToMs matches', () => {
    expect(rangeToMs({ from: '2026-11-21', to: '2026-11-21' })).toEqual({
      fromMs: Date.parse('2026-11-21T00:00:00Z'),
      toMs: Date.parse('2026-11-22T00:00:00Z'),
    });
  });
});

describe('normaliseRange', () => {
  it('leaves a valid range alone', () => {
    expect(normaliseRange({ from: '2026-11-01', to: '2026-11-30' }, 'from')).toEqual({
      range: { from: '2026-11-01', to: '2026-11-30' },
      adjusted: null,
    });
  });

  it('allows exactly 31 days and clamps 32 by moving the other end', () => {
    const r31 = { from: '2026-10-01', to: '2026-10-31' };
    expect(rangeLengthDays(r31)).toBe(MAX_RANGE_DAYS);
    expect(normaliseRange(r31).adjusted).toBeNull();

    expect(normaliseRange({ from: '2026-10-01', to: '2026-11-01' }, 'from')).toEqual({
      range: { from: '2026-10-01', to: '2026-10-31' },
      adjusted: 'to',
    });
    expect(normaliseRange({ from: '2026-10-01', to: '2026-11-01' }, 'to')).toEqual({
      range: { from: '2026-10-02', to: '2026-11-01' },
      adjusted: 'from',
    });
  });

  it('fixes a reversed range by moving the end not just edited', () => {
    expect(normaliseRange({ from: '2026-11-25', to: '2026-11-22' }, 'from').range).toEqual({
      from: '2026-11-25',
      to: '2026-11-25',
    });
    expect(normaliseRange({ from: '2026-11-25', to: '2026-11-22' }, 'to').range).toEqual({
      from: '2026-11-22',
      to: '2026-11-22',
    });
  });

  it('addDays handles leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
