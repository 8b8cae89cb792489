import { describe, expect, it } from 'vitest';
import { defaultState } from '../../app/exploreState';
import type { ControlsCatalog } from './controls';
import { applyPageRules } from './stateRules';

const kpi = (id: string, unit: string, dimensions = ['city', 'stopPlace'], grains = ['hour', 'day']) =>
  ({ id, name: id.toUpperCase(), unit, description: '', inputs: [], grains, dimensions, data: null });
const catalog: ControlsCatalog = {
  kpis: [kpi('otp', '%'), kpi('delay', 's'), kpi('tc', '1', ['city']), kpi('cancel', '%'), kpi('daily', '%', ['city'], ['day'])],
  cities: [{ id: 'oslo', name: 'Oslo', latitude: 0, longitude: 0 }, { id: 'bergen', name: 'Bergen', latitude: 0, longitude: 0 }],
  stopPlaces: [{ id: 'S1', name: 'Jernbanetorget', city: 'oslo', latitude: null, longitude: null }],
};

describe('page rules', () => {
  it('leaves out KPIs that need a third axis', () => {
    const { state, problems } = applyPageRules({ ...defaultState(), kpis: ['otp', 'delay', 'tc', 'cancel'] }, catalog);
    expect(state.kpis).toEqual(['otp', 'delay', 'cancel']);
    expect(problems).toEqual(['Only two units fit one chart (one per y-axis): TC was left out.']);
  });

  it('keeps a known stop of a chosen city for per-stop KPIs only', () => {
    expect(applyPageRules({ ...defaultState(), kpis: ['otp'], cities: ['oslo'], stop: 'S1' }, catalog).state.stop).toBe('S1');
    expect(applyPageRules({ ...defaultState(), kpis: ['otp', 'tc'], stop: 'S1' }, catalog).state.stop).toBeNull();
    expect(applyPageRules({ ...defaultState(), kpis: ['otp'], cities: ['bergen'], stop: 'S1' }, catalog).problems[0]).toMatch(/not in the chosen cities/);
    expect(applyPageRules({ ...defaultState(), kpis: ['otp'], stop: 'S9' }, catalog).problems).toEqual(['Unknown stop place "S9" was left out.']);
  });

  it('switches to a grain every KPI has', () => {
    expect(applyPageRules({ ...defaultState(), kpis: ['daily'], grain: 'hour' }, catalog).state.grain).toBe('day');
  });
});
