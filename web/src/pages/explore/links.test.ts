import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/route';
import { checkCustomRange } from './customRange';
import { drillHash } from './drillLink';
import { maxPointsFor, seriesQuery } from './seriesQuery';

describe('drill link', () => {
  it('carries the bucket and the way back', () => {
    const back = '#/explore?kpi=otp,delay&city=oslo&grain=hour&range=last-7d';
    const hash = drillHash({ kpi: 'otp', bucket: '2026-12-01T10:00:00Z', city: 'oslo', grain: 'hour', stop: 'NSR:StopPlace:1' }, back);
    const route = parseRoute(hash);
    expect(route.page).toBe('drill');
    expect(Object.fromEntries(route.params)).toEqual({ kpi: 'otp', bucket: '2026-12-01T10:00:00.000Z', city: 'oslo', grain: 'hour', stop: 'NSR:StopPlace:1', back });
    expect(hash).toContain('back=%23%2Fexplore%3Fkpi%3Dotp%2Cdelay');
  });
});

describe('series query', () => {
  it('asks for about two points per pixel, within the API limits', () => {
    expect(maxPointsFor(1200)).toBe(2400);
    expect(maxPointsFor(0)).toBe(2);
    expect(maxPointsFor(Number.NaN)).toBe(2);
    expect(maxPointsFor(9000)).toBe(10000);
    expect(maxPointsFor(100.7)).toBe(201);
  });

  it('sends no city with a stop, and hourly buckets for heatmaps', () => {
    const state = { kpis: ['otp'], cities: ['oslo'], stop: 'NSR:StopPlace:1', grain: 'day' as const, range: { preset: 'last-7d' as const }, chart: 'series' as const, heatmap: 'hour-day' as const };
    const range = { from: 'a', to: 'b' };
    expect(seriesQuery(state, range, 100)).toEqual({ stop: 'NSR:StopPlace:1', grain: 'day', from: 'a', to: 'b', maxPoints: '100' });
    expect(seriesQuery({ ...state, stop: null, chart: 'heatmap' }, range, 100)).toEqual({ city: 'oslo', grain: 'hour', from: 'a', to: 'b', maxPoints: '100' });
  });
});

describe('custom range', () => {
  it('accepts 1 to 31 inclusive days', () => {
    expect(checkCustomRange('2026-12-01', '2026-12-01')).toEqual({ ok: true, range: { from: '2026-12-01', to: '2026-12-01' } });
    expect(checkCustomRange('2026-11-01', '2026-12-01').ok).toBe(true);
  });

  it('names the field to fix', () => {
    expect(checkCustomRange('2026-12-05', '2026-12-01')).toMatchObject({ ok: false, field: 'to', message: expect.stringMatching(/^To \(inclusive\): 2026-12-01 is before/) });
    expect(checkCustomRange('2026-12-05', '2026-12-01', 'from')).toMatchObject({ ok: false, field: 'from' });
    expect(checkCustomRange('2026-10-01', '2026-12-01', 'from')).toMatchObject({ ok: false, field: 'from', message: expect.stringContaining('62 days') });
    expect(checkCustomRange('2026-02-30', '2026-03-01')).toMatchObject({ ok: false, field: 'from' });
    expect(checkCustomRange('2026-03-01', '')).toMatchObject({ ok: false, field: 'to' });
  });
});
