import { describe, expect, it } from 'vitest';
import { exploreParams, paramsFromView, parseExploreState, resolveRange, viewDraft, type CatalogLike } from './exploreState';

const catalog: CatalogLike = {
  kpis: [
    { id: 'thermal_comfort', grains: ['hour', 'day'], dimensions: ['city'] },
    { id: 'on_time_performance', grains: ['hour', 'day'], dimensions: ['city', 'stopPlace'] },
    { id: 'daily_only', grains: ['day'], dimensions: ['city'] },
  ],
  cities: [{ id: 'oslo' }, { id: 'bergen' }],
};

describe('explore state', () => {
  it('defaults to thermal comfort, every city, hourly, last 48 hours', () => {
    const { state, problems } = parseExploreState(new URLSearchParams(), catalog);
    expect(state).toEqual({ kpis: ['thermal_comfort'], cities: [], stop: null, grain: 'hour', range: { preset: 'last-48h' }, chart: 'series', heatmap: 'hour-day' });
    expect(problems).toEqual([]);
  });

  it('round-trips through the URL', () => {
    const p = new URLSearchParams('kpi=on_time_performance,thermal_comfort&city=oslo&stop=NSR:StopPlace:1&grain=day&from=2026-11-01&to=2026-11-07&chart=heatmap&heatmap=city-hour');
    const { state, problems } = parseExploreState(p, catalog);
    expect(problems).toEqual(['The stop filter applies only to KPIs computed per stop place: it was cleared.']);
    const again = parseExploreState(exploreParams(state), catalog).state;
    expect(again).toEqual(state);
    expect(state.range).toEqual({ from: '2026-11-01', to: '2026-11-07' });
  });

  it('names what it ignored', () => {
    const { state, problems } = parseExploreState(new URLSearchParams('kpi=nope&city=paris,oslo&grain=week&range=forever&chart=pie'), catalog);
    expect(state.kpis).toEqual(['thermal_comfort']);
    expect(state.cities).toEqual(['oslo']);
    expect(problems).toHaveLength(5);
    expect(problems.join(' ')).toContain('"nope"');
    expect(problems.join(' ')).toContain('"paris"');
  });

  it('switches grain when a KPI lacks it', () => {
    const { state, problems } = parseExploreState(new URLSearchParams('kpi=daily_only&grain=hour'), catalog);
    expect(state.grain).toBe('day');
    expect(problems[0]).toContain('no hour grain');
  });

  it('refuses reversed and over-long custom ranges', () => {
    expect(parseExploreState(new URLSearchParams('from=2026-11-07&to=2026-11-01'), catalog).state.range).toEqual({ preset: 'last-48h' });
    expect(parseExploreState(new URLSearchParams('from=2026-01-01&to=2026-03-01'), catalog).problems).toHaveLength(1);
  });

  it('resolves presets to whole hours in UTC and custom days to half-open instants', () => {
    const now = new Date('2026-12-02T09:15:00Z');
    expect(resolveRange({ preset: 'last-24h' }, now)).toEqual({ from: '2026-12-01T10:00:00.000Z', to: '2026-12-02T10:00:00.000Z' });
    expect(resolveRange({ from: '2026-11-30', to: '2026-12-01' }, now)).toEqual({ from: '2026-11-30T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' });
  });

  it('makes a saved view and reads it back', () => {
    const state = parseExploreState(new URLSearchParams('kpi=on_time_performance&city=bergen&from=2026-11-01&to=2026-11-02&chart=heatmap'), catalog).state;
    const draft = viewDraft(state, 'Bergen mornings');
    expect(draft.range).toEqual({ preset: null, from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:00Z' });
    const params = paramsFromView({ ...draft, id: 'abc', createdUtc: '2026-12-01T00:00:00Z' });
    expect(parseExploreState(params, catalog).state).toEqual(state);
    expect(viewDraft({ ...state, range: { preset: 'last-7d' } }, 'x').range).toEqual({ preset: 'last-7d', from: null, to: null });
  });
});
