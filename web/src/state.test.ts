import { describe, expect, it } from 'vitest';
import { parseViewState, resolveView, serialiseViewState, viewToState, type ViewState } from './state';
import type { Catalog } from './api';

const catalog: Catalog = {
  metrics: [
    { id: 'thermal_comfort', name: 'Thermal comfort factor', unit: '1' },
    { id: 'commute_stress', name: 'Commute stress', unit: '1' },
  ],
  cities: [
    { id: 'oslo', name: 'Oslo' },
    { id: 'bergen', name: 'Bergen' },
    { id: 'trondheim', name: 'Trondheim' },
  ],
};
const now = new Date('2026-11-22T12:00:00Z');

describe('parseViewState', () => {
  it('reads metric, cities and dates', () => {
    expect(parseViewState('?metric=thermal_comfort&cities=oslo,bergen&from=2026-11-01&to=2026-11-03')).toEqual({
      metric: 'thermal_comfort',
      cities: ['oslo', 'bergen'],
      range: { from: '2026-11-01', to: '2026-11-03' },
    });
  });

  it('defaults everything when the query is empty', () => {
    expect(parseViewState('')).toEqual({ metric: null, cities: null, range: null });
  });

  it('accepts encoded commas, trims and de-duplicates city ids', () => {
    expect(parseViewState('?cities=oslo%2C%20bergen,oslo,,').cities).toEqual(['oslo', 'bergen']);
  });

  it('treats an explicitly empty city list as "none" and garbage as "all"', () => {
    expect(parseViewState('?cities=').cities).toEqual([]);
    expect(parseViewState('?cities=%3Cscript%3E').cities).toBeNull();
  });

  it('ignores invalid dates and ids', () => {
    expect(parseViewState('?metric=a%20b&from=2026-02-30&to=tomorrow')).toEqual({
      metric: null,
      cities: null,
      range: null,
    });
  });

  it('completes a range given by one end to a 3-day window', () => {
    expect(parseViewState('?from=2026-11-01').range).toEqual({ from: '2026-11-01', to: '2026-11-03' });
    expect(parseViewState('?to=2026-11-03').range).toEqual({ from: '2026-11-01', to: '2026-11-03' });
  });

  it('repairs reversed and over-long ranges from hand-edited links', () => {
    expect(parseViewState('?from=2026-11-05&to=2026-11-01').range).toEqual({ from: '2026-11-01', to: '2026-11-01' });
    expect(parseViewState('?from=2026-01-01&to=2026-12-31').range).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('serialiseViewState', () => {
  it('writes the parameters in a readable order with literal commas', () => {
    const state: ViewState = {
      metric: 'thermal_comfort',
      cities: ['oslo', 'bergen'],
      range: { from: '2026-11-21', to: '2026-11-23' },
    };
    expect(serialiseViewState(state)).toBe('?metric=thermal_comfort&cities=oslo,bergen&from=2026-11-21&to=2026-11-23');
  });

  it('omits defaults', () => {
    expect(serialiseViewState({ metric: null, cities: null, range: null })).toBe('');
    expect(serialiseViewState({ metric: 'thermal_comfort', cities: null, range: null })).toBe('?metric=thermal_comfort');
    expect(serialiseViewState({ metric: 'm', cities: [], range: null })).toBe('?metric=m&cities=');
  });

  it('round-trips through parse', () => {
    const states: ViewState[] = [
      { metric: 'thermal_comfort', cities: ['oslo'], range: { from: '2026-11-21', to: '2026-11-23' } },
      { metric: 'thermal_comfort', cities: [], range: null },
      { metric: 'thermal_comfort', cities: null, range: { from: '2026-02-28', to: '2026-03-01' } },
    ];
    for (const s of states) expect(parseViewState(serialiseViewState(s))).toEqual(s);
  });
});

describe('resolveView', () => {
  it('uses the first metric, all cities and the rolling default range', () => {
    const v = resolveView({ metric: null, cities: null, range: null }, catalog, now)!;
    expect(v.metric.id).toBe('thermal_comfort');
    expect(v.cities.map((c) => c.id)).toEqual(['oslo', 'bergen', 'trondheim']);
    expect(v.allCities).toBe(true);
    expect(v.range).toEqual({ from: '2026-11-21', to: '2026-11-23' });
    expect(v.rangePinned).toBe(false);
    expect(viewToState(v)).toEqual({ metric: 'thermal_comfort', cities: null, range: null });
  });

  it('keeps catalog order, drops unknown ids and treats every city as all', () => {
    const v = resolveView({ metric: 'commute_stress', cities: ['trondheim', 'nowhere', 'oslo'], range: null }, catalog, now)!;
    expect(v.metric.id).toBe('commute_stress');
    expect(v.cities.map((c) => c.id)).toEqual(['oslo', 'trondheim']);
    expect(v.allCities).toBe(false);
    expect(viewToState(v).cities).toEqual(['oslo', 'trondheim']);

    const all = resolveView({ metric: null, cities: ['bergen', 'oslo', 'trondheim'], range: null }, catalog, now)!;
    expect(all.allCities).toBe(true);
    expect(viewToState(all).cities).toBeNull();
  });

  it('falls back to all cities for a link whose cities no longer exist, but honours an explicit none', () => {
    expect(resolveView({ metric: null, cities: ['atlantis'], range: null }, catalog, now)!.allCities).toBe(true);
    const none = resolveView({ metric: null, cities: [], range: null }, catalog, now)!;
    expect(none.allCities).toBe(false);
    expect(none.cities).toEqual([]);
  });

  it('falls back to the first metric for an unknown id and keeps a pinned range', () => {
    const v = resolveView({ metric: 'gone', cities: null, range: { from: '2026-10-01', to: '2026-10-02' } }, catalog, now)!;
    expect(v.metric.id).toBe('thermal_comfort');
    expect(v.range).toEqual({ from: '2026-10-01', to: '2026-10-02' });
    expect(v.rangePinned).toBe(true);
  });

  it('returns null when the catalog has no metrics', () => {
    expect(resolveView({ metric: null, cities: null, range: null }, { metrics: [], cities: [] }, now)).toBeNull();
  });
});
