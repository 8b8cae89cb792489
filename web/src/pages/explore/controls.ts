// Explore's filter form. It owns no state: `show(state)` writes the state into the inputs (and enables only the
// choices that make sense for it), and every user change calls `onChange` with the next state at once (nothing a
// user expects to be instant is debounced). Every input has a visible label; hints say why a choice is disabled.
import type { Schemas } from '../../app/api';
import { el } from '../../app/dom';
import { MAX_KPIS, PRESET_LABELS, PRESETS, rangeDays, type ExploreState, type Grain, type HeatmapKind, type Preset } from '../../app/exploreState';
import { unitLabel } from '../../app/format';
import { checkCustomRange, FIELD_LABELS, type RangeField } from './customRange';
import { axisName } from './seriesChart';
import { unitAxes } from './seriesModel';

export type ChangeKind = 'kpis' | 'cities' | 'stop' | 'grain' | 'range' | 'chart';

export interface ControlsCatalog {
  kpis: Schemas['CatalogKpi'][];
  cities: Schemas['City'][];
  stopPlaces: Schemas['StopPlace'][];
}

export interface Controls {
  element: HTMLElement;
  show(state: ExploreState, now: Date): void;
}

const GRAINS: { id: Grain; label: string }[] = [{ id: 'hour', label: 'Hourly' }, { id: 'day', label: 'Daily' }];
const HEATMAPS: { id: HeatmapKind; label: string }[] = [{ id: 'hour-day', label: 'Hour of day × day' }, { id: 'city-hour', label: 'City × hour of day' }];

export function stopsAvailable(catalog: ControlsCatalog, kpis: readonly string[]): boolean {
  return kpis.every((id) => catalog.kpis.find((k) => k.id === id)?.dimensions.includes('stopPlace'));
}

export function stopLabel(stop: Schemas['StopPlace'], catalog: ControlsCatalog): string {
  const city = catalog.cities.find((c) => c.id === stop.city)?.name ?? stop.city;
  return stop.name ? `${stop.name} (${city})` : `${stop.id} (${city})`;
}

export function createControls(catalog: ControlsCatalog, current: () => ExploreState, onChange: (next: ExploreState, kind: ChangeKind) => void): Controls {
  const change = (patch: Partial<ExploreState>, kind: ChangeKind) => onChange({ ...current(), ...patch }, kind);

  // ---- KPIs ----
  const kpiBoxes = catalog.kpis.map((k) =>
    el('input', { type: 'checkbox', name: 'kpi', value: k.id, id: `explore-kpi-${k.id}`, 'data-kpi': k.id, 'data-unit': k.unit }),
  );
  const kpiHint = el('p', { class: 'field-hint', id: 'explore-kpi-hint', 'aria-live': 'polite' });
  const kpiSet = el(
    'fieldset',
    { class: 'explore-kpis', 'aria-describedby': 'explore-kpi-hint' },
    el('legend', {}, `KPIs (up to ${MAX_KPIS})`),
    el('div', { class: 'check-list' }, catalog.kpis.map((k, i) =>
      el('label', { class: 'check', for: `explore-kpi-${k.id}`, title: k.description }, kpiBoxes[i],
        el('span', {}, k.name, unitLabel(k.unit) ? el('span', { class: 'muted' }, ` (${unitLabel(k.unit)})`) : null)),
    )),
    kpiHint,
  );
  kpiBoxes.forEach((box) => box.addEventListener('change', () => {
    const chosen = current().kpis.filter((k) => k !== box.value);
    const kpis = box.checked ? [...chosen, box.value] : chosen;
    change({ kpis: kpis.length > 0 ? kpis : current().kpis }, 'kpis');
  }));

  // ---- cities ----
  const cityBoxes = catalog.cities.map((c) => el('input', { type: 'checkbox', name: 'city', value: c.id, id: `explore-city-${c.id}`, 'data-city': c.id }));
  const citySet = el(
    'fieldset',
    { class: 'explore-cities', 'aria-describedby': 'explore-city-hint' },
    el('legend', {}, 'Cities'),
    el('div', { class: 'check-list' }, catalog.cities.map((c, i) => el('label', { class: 'check', for: `explore-city-${c.id}` }, cityBoxes[i], c.name))),
    el('p', { class: 'field-hint', id: 'explore-city-hint' }, 'None checked: every city.'),
  );
  cityBoxes.forEach((box) => box.addEventListener('change', () => {
    const cities = catalog.cities.map((c) => c.id).filter((id) => (id === box.value ? box.checked : current().cities.includes(id)));
    const stop = current().stop;
    // A stop place outside the chosen cities would show nothing: clear it.
    const keep = stop && (cities.length === 0 || cities.includes(catalog.stopPlaces.find((s) => s.id === stop)?.city ?? '')) ? stop : null;
    change({ cities, stop: keep }, 'cities');
  }));

  // ---- stop place ----
  const stopSelect = el('select', { id: 'explore-stop', name: 'stop', 'aria-describedby': 'explore-stop-hint' });
  const stopHint = el('p', { class: 'field-hint', id: 'explore-stop-hint' });
  const stopField = el('div', { class: 'field explore-stop' }, el('label', { for: 'explore-stop' }, 'Stop place'), stopSelect, stopHint);
  stopSelect.addEventListener('change', () => change({ stop: stopSelect.value || null }, 'stop'));

  // ---- grain ----
  const grainRadios = GRAINS.map((g) => el('input', { type: 'radio', name: 'grain', value: g.id, id: `explore-grain-${g.id}` }));
  const grainHint = el('p', { class: 'field-hint', id: 'explore-grain-hint' });
  const grainSet = el(
    'fieldset',
    { class: 'explore-grain', 'aria-describedby': 'explore-grain-hint' },
    el('legend', {}, 'Buckets'),
    el('div', { class: 'check-list' }, GRAINS.map((g, i) => el('label', { class: 'check', for: `explore-grain-${g.id}` }, grainRadios[i], g.label))),
    grainHint,
  );
  grainRadios.forEach((r) => r.addEventListener('change', () => r.checked && change({ grain: r.value as Grain }, 'grain')));

  // ---- range ----
  const presetSelect = el('select', { id: 'explore-range', name: 'range' },
    PRESETS.map((p) => el('option', { value: p }, PRESET_LABELS[p])),
    el('option', { value: 'custom' }, 'Custom dates'),
  );
  const dateInputs: Record<RangeField, HTMLInputElement> = {
    from: el('input', { type: 'date', id: 'explore-from', name: 'from', 'aria-describedby': 'explore-range-error' }),
    to: el('input', { type: 'date', id: 'explore-to', name: 'to', 'aria-describedby': 'explore-range-error' }),
  };
  const rangeError = el('p', { class: 'field-error', id: 'explore-range-error', 'aria-live': 'assertive' });
  const rangeSet = el(
    'fieldset',
    { class: 'explore-range' },
    el('legend', {}, 'Time range (UTC)'),
    el('div', { class: 'range-row' },
      el('div', { class: 'field' }, el('label', { for: 'explore-range' }, 'Range'), presetSelect),
      el('div', { class: 'field' }, el('label', { for: 'explore-from' }, FIELD_LABELS.from), dateInputs.from),
      el('div', { class: 'field' }, el('label', { for: 'explore-to' }, FIELD_LABELS.to), dateInputs.to),
    ),
    rangeError,
  );
  const showRangeError = (field: RangeField | null, message: string) => {
    rangeError.textContent = message;
    if (field) rangeError.dataset.field = field;
    else delete rangeError.dataset.field;
    for (const [name, input] of Object.entries(dateInputs)) input.setAttribute('aria-invalid', String(name === field));
  };
  const applyDates = (edited: RangeField) => {
    const check = checkCustomRange(dateInputs.from.value, dateInputs.to.value, edited);
    if (!check.ok) return showRangeError(check.field, check.message);
    showRangeError(null, '');
    change({ range: check.range }, 'range');
  };
  presetSelect.addEventListener('change', () => {
    if (presetSelect.value === 'custom') applyDates('to');
    else change({ range: { preset: presetSelect.value as Preset } }, 'range');
  });
  dateInputs.from.addEventListener('change', () => applyDates('from'));
  dateInputs.to.addEventListener('change', () => applyDates('to'));

  // ---- chart kind ----
  const chartRadios = (['series', 'heatmap'] as const).map((kind) => el('input', { type: 'radio', name: 'chart', value: kind, id: `explore-chart-${kind}` }));
  const heatmapSelect = el('select', { id: 'explore-heatmap', name: 'heatmap' }, HEATMAPS.map((h) => el('option', { value: h.id }, h.label)));
  const chartSet = el(
    'fieldset',
    { class: 'explore-chart' },
    el('legend', {}, 'Chart'),
    el('div', { class: 'check-list' },
      el('label', { class: 'check', for: 'explore-chart-series' }, chartRadios[0], 'Time series'),
      el('label', { class: 'check', for: 'explore-chart-heatmap' }, chartRadios[1], 'Heatmap'),
    ),
    el('div', { class: 'field' }, el('label', { for: 'explore-heatmap' }, 'Heatmap layout'), heatmapSelect),
  );
  chartRadios.forEach((r) => r.addEventListener('change', () => r.checked && change({ chart: r.value as ExploreState['chart'] }, 'chart')));
  heatmapSelect.addEventListener('change', () => change({ heatmap: heatmapSelect.value as HeatmapKind }, 'chart'));

  const element = el('form', { class: 'card explore-controls', 'aria-label': 'Filters', onsubmit: (e: Event) => e.preventDefault() },
    kpiSet, citySet, el('div', { class: 'explore-column' }, stopField, grainSet), rangeSet, chartSet);

  const show = (state: ExploreState, now: Date) => {
    // KPIs: at most four, in at most two units (one per y-axis); the last one cannot be unchecked.
    const chosen = state.kpis.map((id) => catalog.kpis.find((k) => k.id === id)).filter((k) => k !== undefined);
    const { units } = unitAxes(chosen);
    kpiBoxes.forEach((box) => {
      const checked = state.kpis.includes(box.value);
      box.checked = checked;
      const thirdUnit = !checked && units.length >= 2 && !units.includes(box.dataset.unit ?? '');
      const full = !checked && state.kpis.length >= MAX_KPIS;
      box.disabled = (checked && state.kpis.length === 1) || thirdUnit || full;
      box.closest('label')!.dataset.blocked = thirdUnit ? 'unit' : full ? 'full' : '';
    });
    const axes = units.map((u, i) => {
      const names = chosen.filter((k) => k.unit === u).map((k) => k.name).join(', ');
      return `${i === 0 ? 'Left' : 'Right'} axis (${axisName(u)}): ${names}.`;
    });
    kpiHint.textContent = `${state.kpis.length} of ${MAX_KPIS} chosen. ${axes.join(' ')}`
      + (units.length >= 2 ? ' Only two units fit one chart, so KPIs in a third unit are disabled.' : '');

    cityBoxes.forEach((box) => (box.checked = state.cities.includes(box.value)));

    const stopsOk = stopsAvailable(catalog, state.kpis);
    const listed = catalog.stopPlaces.filter((s) => state.cities.length === 0 || state.cities.includes(s.city));
    stopSelect.replaceChildren(
      el('option', { value: '' }, 'None (city-wide)'),
      ...catalog.cities.filter((c) => listed.some((s) => s.city === c.id)).map((c) =>
        el('optgroup', { label: c.name }, listed.filter((s) => s.city === c.id).map((s) => el('option', { value: s.id }, stopLabel(s, catalog)))),
      ),
    );
    stopSelect.value = state.stop ?? '';
    stopSelect.disabled = !stopsOk || listed.length === 0;
    const without = chosen.filter((k) => !k.dimensions.includes('stopPlace')).map((k) => k.name);
    stopHint.textContent = !stopsOk
      ? `Only for KPIs computed per stop place; ${without.join(' and ')} ${without.length === 1 ? 'is' : 'are'} city-wide.`
      : listed.length === 0 ? 'No stop places are known for these cities.' : 'One stop place instead of the whole city.';

    const heatmap = state.chart === 'heatmap';
    grainRadios.forEach((r) => {
      r.checked = state.grain === r.value;
      r.disabled = heatmap || !chosen.every((k) => k.grains.includes(r.value));
    });
    grainHint.textContent = heatmap ? 'Heatmaps place hourly buckets by hour of day.' : '';

    presetSelect.value = 'preset' in state.range ? state.range.preset : 'custom';
    const days = rangeDays(state.range, now);
    dateInputs.from.value = days.from;
    dateInputs.to.value = days.to;
    showRangeError(null, '');

    chartRadios.forEach((r) => (r.checked = state.chart === r.value));
    heatmapSelect.value = state.heatmap;
    heatmapSelect.disabled = !heatmap;
  };

  return { element, show };
}
