import { describe, expect, it } from 'vitest';
import { middlePoint, nearestIndex, toSeriesModel, unitAxes } from './seriesModel';
import { point, response } from './testSeries';

describe('unit axes', () => {
  it('puts the first unit left, the second right, and names KPIs needing a third', () => {
    expect(unitAxes([{ id: 'a', name: 'A', unit: '%' }, { id: 'b', name: 'B', unit: 's' }, { id: 'c', name: 'C', unit: '%' }, { id: 'd', name: 'D', unit: '1' }]))
      .toEqual({ units: ['%', 's'], overflow: ['d'] });
  });
});

describe('series model', () => {
  const otp = { id: 'otp', name: 'On-time', unit: '%' };
  const delay = { id: 'delay', name: 'Delay', unit: 's' };
  const model = toSeriesModel({
    kpis: [
      { info: otp, response: response('otp', '%', [
        { city: 'bergen', points: [point('2026-12-01T01:00:00Z', 80), point('2026-12-01T00:00:00Z', null)] },
        { city: 'oslo', points: [point('2026-12-01T00:00:00Z', 90)] },
      ]) },
      { info: delay, response: response('delay', 's', [{ city: 'oslo', points: [point('2026-12-01T00:00:00Z', 30)] }]) },
    ],
    cityOrder: ['oslo', 'bergen'],
  });

  it('has one series per KPI and city, cities in catalog order, each on its unit axis', () => {
    expect(model.series.map((s) => [s.name, s.axis, s.colorIndex, s.dashIndex])).toEqual([
      ['On-time · Oslo', 0, 0, 0],
      ['On-time · Bergen', 0, 1, 0],
      ['Delay · Oslo', 1, 0, 1],
    ]);
    expect(model.units).toEqual(['%', 's']);
  });

  it('sorts points by time and counts only valued points', () => {
    expect(model.series[1]!.points.map((p) => p.t)).toEqual(['2026-12-01T00:00:00Z', '2026-12-01T01:00:00Z']);
    expect(model.valuedPoints).toBe(3);
  });

  it('finds the nearest point and a valued point near the middle', () => {
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 16)).toBe(2);
    expect(nearestIndex([], 1)).toBe(-1);
    const mid = middlePoint(model.series.slice(1), Date.parse('2026-12-01T00:00:00Z'), Date.parse('2026-12-01T02:00:00Z'));
    expect(mid).toEqual({ series: 0, point: 1 });
  });
});
