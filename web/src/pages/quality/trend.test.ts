import { describe, expect, it } from 'vitest';
import { points, trendText } from './trend';

describe('trend text', () => {
  it('writes the change in points with a sign', () => {
    expect(points(0.012)).toBe('+1.2 points');
    expect(points(-0.005)).toBe('−0.5 points');
    expect(points(0.00001)).toBe('no change');
  });

  it('says what the trend compares', () => {
    expect(trendText({ scoredDays: 1, slopePerDay: null, last7Mean: 0.9, previous7Mean: null, change7: null }))
      .toBe('1 scored day. Mean score of the last 7 days: 90.0 %.');
    expect(trendText({ scoredDays: 0, slopePerDay: null, last7Mean: null, previous7Mean: null, change7: null })).toBe('No day in the range has a score.');
  });
});
