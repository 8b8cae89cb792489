// The rules a state must follow on this page beyond what exploreState.ts parses: KPIs in at most two units (one per
// y-axis), a stop place the catalog knows, in a chosen city, for KPIs computed per stop, and a grain every KPI has.
// Pure: returns the state that can be shown and what was changed, in words, for the notice.
import type { ExploreState } from '../../app/exploreState';
import type { ControlsCatalog } from './controls';
import { unitAxes } from './seriesModel';

export interface Checked {
  state: ExploreState;
  problems: string[];
}

export function applyPageRules(input: ExploreState, catalog: ControlsCatalog): Checked {
  const problems: string[] = [];
  const state: ExploreState = { ...input, kpis: [...input.kpis], cities: [...input.cities] };
  const infos = state.kpis.map((id) => catalog.kpis.find((k) => k.id === id)).filter((k) => k !== undefined);

  const { overflow } = unitAxes(infos);
  if (overflow.length > 0) {
    const names = overflow.map((id) => catalog.kpis.find((k) => k.id === id)?.name ?? id);
    problems.push(`Only two units fit one chart (one per y-axis): ${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} left out.`);
    state.kpis = state.kpis.filter((id) => !overflow.includes(id));
  }
  const kept = infos.filter((k) => state.kpis.includes(k.id));

  if (state.stop) {
    const stop = catalog.stopPlaces.find((s) => s.id === state.stop);
    if (!stop) {
      problems.push(`Unknown stop place "${state.stop}" was left out.`);
      state.stop = null;
    } else if (!kept.every((k) => k.dimensions.includes('stopPlace'))) {
      // The user added a city-wide KPI: the stop filter no longer applies (the stop hint says why).
      state.stop = null;
    } else if (state.cities.length > 0 && !state.cities.includes(stop.city)) {
      problems.push(`Stop place ${stop.name ?? stop.id} is in ${stop.city}, not in the chosen cities: it was left out.`);
      state.stop = null;
    }
  }

  if (!kept.every((k) => k.grains.includes(state.grain))) {
    const other = state.grain === 'hour' ? 'day' : 'hour';
    if (kept.every((k) => k.grains.includes(other))) state.grain = other;
  }
  return { state, problems };
}
