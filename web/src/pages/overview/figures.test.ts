import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../app/api';
import { HOUR, cardFigures, cardRange, latestBuckets } from './figures';

const point = (t: number, value: number | null) => ({ t: new Date(t).toISOString(), value, inputs: 1, coverage: 1, reason: null });
const series = (city: string, points: ReturnType<typeof point>[]) => ({ city, cityName: city, stopPlace: null, method: 'none', rawPoints: 0, rawNulls: 0, returnedPoints: 0, returnedNulls: 0, points });

describe('card figures', () => {
  const now = Date.UTC(2026, 11, 2, 13, 20);
  const range = cardRange({ grains: ['hour', 'day'] }, now);

  it('covers the 48 hours to the next whole hour for hourly KPIs and 14 days for daily ones', () => {
    expect(new Date(range.to).toISOString()).toBe('2026-12-02T14:00:00.000Z');
    expect(range.to - range.from).toBe(48 * HOUR);
    expect(cardRange({ grains: ['day'] }, now).period).toBe('7 days');
  });

  it('averages the cities, takes the latest valued bucket and compares the halves', () => {
    const response = { series: [
      series('oslo', [point(range.from, 1), point(range.to - 2 * HOUR, 3), point(range.to - HOUR, null)]),
      series('bergen', [point(range.from, 3), point(range.to - 2 * HOUR, 5)]),
    ] } as unknown as Schemas['SeriesV1Response'];
    const f = cardFigures(response, range);
    expect(f.latest).toEqual({ t: range.to - 2 * HOUR, value: 4 });
    expect(f.change).toBe(2);
    expect(latestBuckets(response)).toEqual([
      { city: 'oslo', t: new Date(range.to - 2 * HOUR).toISOString() },
      { city: 'bergen', t: new Date(range.to - 2 * HOUR).toISOString() },
    ]);
  });

  it('has no latest value and no change without data', () => {
    const f = cardFigures({ series: [series('oslo', [point(range.from, null)])] } as unknown as Schemas['SeriesV1Response'], range);
    expect(f.latest).toBeNull();
    expect(f.change).toBeNull();
  });
});

describe('change wording', () => {
  it('says the direction and size, and a change that rounds to zero as no change', async () => {
    const { changeText } = await import('./card');
    expect(changeText(0.4, 'Cel', '24 h')).toBe('▲ +0.4 °C vs the previous 24 h');
    expect(changeText(-12.25, 's', '7 days')).toBe('▼ −12.3 s vs the previous 7 days');
    expect(changeText(-0.0001, '1', '24 h')).toBe('No change vs the previous 24 h');
    expect(changeText(null, '1', '24 h')).toBe('No change to show');
  });
});
