import { describe, expect, it } from 'vitest';
import { averageSeries, meanBetween, sparklinePath } from './sparkline';

describe('sparkline', () => {
  it('scales points and breaks the line at nulls', () => {
    const path = sparklinePath([{ t: 0, value: 0 }, { t: 1, value: 10 }, { t: 2, value: null }, { t: 3, value: 5 }], 32, 12, 2);
    expect(path).toBe('M2.0,10.0L11.3,2.0M30.0,6.0');
  });

  it('draws nothing without values', () => {
    expect(sparklinePath([{ t: 0, value: null }], 10, 10)).toBe('');
  });

  it('averages cities bucket by bucket and means a window', () => {
    const avg = averageSeries([[{ t: 1, value: 2 }, { t: 2, value: null }], [{ t: 1, value: 4 }, { t: 2, value: null }]]);
    expect(avg).toEqual([{ t: 1, value: 3 }, { t: 2, value: null }]);
    expect(meanBetween(avg, 0, 2)).toBe(3);
    expect(meanBetween(avg, 2, 3)).toBeNull();
  });
});
