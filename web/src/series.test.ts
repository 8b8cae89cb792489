import { describe, expect, it } from 'vitest';
import { isolatedPointIndexes, toChartModel } from './series';
import type { KpiResponse } from './api';

const t = (h: number) => `2026-11-21T${String(h).padStart(2, '0')}:00:00Z`;
const ms = (h: number) => Date.parse(t(h));

const response: KpiResponse = {
  metric: 'thermal_comfort',
  unit: '1',
  from: '2026-11-21T00:00:00Z',
  to: '2026-11-22T00:00:00Z',
  series: [
    {
      city: 'bergen',
      cityName: 'Bergen',
      points: [
        { t: t(1), value: 0.5, inputs: 2, coverage: 1 },
        { t: t(0), value: 0.4, inputs: 2, coverage: 0.5 },
      ],
    },
    {
      city: 'oslo',
      cityName: 'Oslo',
      points: [
        { t: t(0), value: 0.62, inputs: 1, coverage: 1 },
        { t: t(1), value: null, inputs: 0, coverage: 0 },
        { t: t(2), value: 0.7, inputs: 1, coverage: 1 },
      ],
    },
  ],
};

describe('toChartModel', () => {
  it('keeps nulls as gaps (never zero) and counts only drawn points', () => {
    const model = toChartModel(response);
    const oslo = model.series.find((s) => s.id === 'oslo')!;
    expect(oslo.data).toEqual([
      [ms(0), 0.62],
      [ms(1), null],
      [ms(2), 0.7],
    ]);
    expect(oslo.valueCount).toBe(2);
    expect(model.pointCount).toBe(4);
    expect(model.seriesCount).toBe(2);
  });

  it('sorts points by time and keeps their inputs and coverage aligned', () => {
    const bergen = toChartModel(response).series.find((s) => s.id === 'bergen')!;
    expect(bergen.data.map((d) => d[0])).toEqual([ms(0), ms(1)]);
    expect(bergen.meta).toEqual([
      { inputs: 2, coverage: 0.5 },
      { inputs: 2, coverage: 1 },
    ]);
  });

  it('orders series like the catalog so colours are stable', () => {
    expect(toChartModel(response, ['oslo', 'bergen']).series.map((s) => s.id)).toEqual(['oslo', 'bergen']);
    expect(toChartModel(response, ['bergen', 'oslo']).series.map((s) => s.id)).toEqual(['bergen', 'oslo']);
    // Unknown cities keep response order after the known ones.
    expect(toChartModel(response, ['oslo']).series.map((s) => s.id)).toEqual(['oslo', 'bergen']);
  });

  it('gives each city the colour slot of its catalog position, whatever else is shown', () => {
    const onlyOslo = toChartModel({ ...response, series: response.series.filter((s) => s.city === 'oslo') }, [
      'bergen',
      'trondheim',
      'oslo',
    ]);
    expect(onlyOslo.series[0]!.colorIndex).toBe(2);
  });

  it('drops unreadable times, de-duplicates times and names unnamed cities by id', () => {
    const model = toChartModel({
      ...response,
      series: [
        {
          city: 'tromso',
          points: [
            { t: 'not a time', value: 1 },
            { t: t(3), value: 1 },
            { t: t(3), value: 2 },
            { t: t(4), value: Number.NaN },
          ],
        },
      ],
    });
    expect(model.series[0]!.name).toBe('tromso');
    expect(model.series[0]!.data).toEqual([
      [ms(3), 2],
      [ms(4), null],
    ]);
    expect(model.pointCount).toBe(1);
  });

  it('handles an empty response', () => {
    expect(toChartModel({ ...response, series: [] })).toMatchObject({ series: [], pointCount: 0, seriesCount: 0 });
  });
});

describe('isolatedPointIndexes', () => {
  it('finds values without a valued neighbour', () => {
    expect(
      isolatedPointIndexes([
        [0, 1],
        [1, null],
        [2, 3],
        [3, 4],
        [4, null],
        [5, 6],
      ]),
    ).toEqual([0, 5]);
    expect(isolatedPointIndexes([[0, 1]])).toEqual([0]);
    expect(isolatedPointIndexes([[0, null]])).toEqual([]);
  });
});
