import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../app/api';
import { byNewest, cityNames, exploreHash, kpiNames, rangeLabel } from './viewSummary';

const view = (over: Partial<Schemas['SavedView']> = {}): Schemas['SavedView'] => ({
  id: 'abcDEF1234',
  name: 'Morning',
  kpis: ['thermal_comfort', 'gone_kpi'],
  cities: [],
  stop: null,
  grain: 'hour',
  range: { preset: 'last-7d', from: null, to: null },
  options: { chart: 'series' },
  createdUtc: '2026-12-01T08:00:00Z',
  ...over,
});

const names = { kpis: new Map([['thermal_comfort', 'Thermal comfort']]), cities: new Map([['oslo', 'Oslo']]) };

describe('view summary', () => {
  it('names KPIs from the catalog and keeps unknown ids as they are', () => {
    expect(kpiNames(view(), names)).toBe('Thermal comfort, gone_kpi');
  });

  it('says all cities when none was chosen', () => {
    expect(cityNames(view(), names)).toBe('All cities');
    expect(cityNames(view({ cities: ['oslo', 'bergen'] }), names)).toBe('Oslo, bergen');
  });

  it('writes a preset in words and a custom range as inclusive UTC days', () => {
    expect(rangeLabel({ preset: 'last-7d', from: null, to: null })).toBe('Last 7 days');
    expect(rangeLabel({ preset: null, from: '2026-11-20T00:00:00Z', to: '2026-11-27T00:00:00Z' })).toBe('2026-11-20 to 2026-11-26 (UTC)');
    expect(rangeLabel({ preset: null, from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' })).toBe('2026-11-20 (UTC)');
  });

  it('opens the view in Explore with its whole state', () => {
    expect(exploreHash(view({ kpis: ['thermal_comfort'], cities: ['oslo'], options: { chart: 'heatmap', heatmap: 'city-hour' } })))
      .toBe('#/explore?kpi=thermal_comfort&city=oslo&grain=hour&range=last-7d&chart=heatmap&heatmap=city-hour');
  });

  it('sorts newest first, then by name', () => {
    const list = [view({ id: '1', name: 'b' }), view({ id: '2', createdUtc: '2026-12-02T00:00:00Z' }), view({ id: '3', name: 'a' })];
    expect(list.sort(byNewest).map((v) => v.id)).toEqual(['2', '3', '1']);
  });
});
