import './style.css';
import {
  ApiError,
  buildCatalogUrl,
  buildKpisUrl,
  getJson,
  isCatalog,
  isKpiResponse,
  type Catalog,
  type KpiResponse,
} from './api';
import { buildChartOption, formatUtc, formatValue } from './chartOption';
import { defaultRange, isIsoDate, normaliseRange, rangeToMs, MAX_RANGE_DAYS } from './dates';
import { toChartModel, type ChartModel } from './series';
import { parseViewState, resolveView, serialiseViewState, viewToState, type ResolvedView, type ViewState } from './state';
import { describeChart, describeOutcome, formatCities, formatDay, formatUpdated, type LoadOutcome } from './status';
import { pivotTable } from './table';
import type { KpiChart } from './chart';

const REFRESH_MS = 60_000;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
};

const ui = {
  form: $<HTMLFormElement>('controls'),
  metric: $<HTMLSelectElement>('metric'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  cityList: $<HTMLDivElement>('city-list'),
  citiesAll: $<HTMLButtonElement>('cities-all'),
  citiesNone: $<HTMLButtonElement>('cities-none'),
  status: $<HTMLParagraphElement>('status'),
  statusMessage: $<HTMLSpanElement>('status-message'),
  statusUpdated: $<HTMLSpanElement>('status-updated'),
  chartTitle: $<HTMLHeadingElement>('chart-title'),
  chartDescription: $<HTMLParagraphElement>('chart-description'),
  chart: $<HTMLDivElement>('kpi-chart'),
  overlay: $<HTMLParagraphElement>('chart-overlay'),
  tableDetails: $<HTMLDetailsElement>('table-details'),
  table: $<HTMLDivElement>('data-table'),
};

type ChartState = 'loading' | 'ready' | 'empty' | 'error';

let catalog: Catalog | null = null;
let urlState: ViewState = parseViewState(location.search);
let view: ResolvedView | null = null;
let model: ChartModel | null = null;
/** Last good KPI response, its URL and ETag: a 304 on refresh reuses it. */
let cache: { url: string; etag: string | null; data: KpiResponse } | null = null;
let lastSuccess: Date | null = null;
/** A one-off note for the next status line (e.g. "end date moved"). */
let notice = '';
let generation = 0;
let inFlight: AbortController | null = null;
let staleWhileHidden = false;

// ---- chart (lazy) ---------------------------------------------------------------------------------------------

let chartLoading: Promise<KpiChart> | null = null;

function loadChart(): Promise<KpiChart> {
  chartLoading ??= import('./chart')
    .then((m) => m.mountChart(ui.chart))
    .catch(() => {
      chartLoading = null; // let the next refresh retry
      throw new ApiError('The chart component could not be loaded. Reload the page to try again.', 'network');
    });
  return chartLoading;
}

function setChartState(state: ChartState, points?: number, series?: number): void {
  ui.chart.dataset.state = state;
  if (points !== undefined) ui.chart.dataset.points = String(points);
  if (series !== undefined) ui.chart.dataset.series = String(series);
  ui.chart.setAttribute('aria-busy', String(state === 'loading'));
}

function showOverlay(text: string | null, kind: 'info' | 'error' = 'info'): void {
  ui.overlay.hidden = text === null;
  ui.overlay.textContent = text ?? '';
  ui.overlay.dataset.kind = kind;
}

// ---- controls -------------------------------------------------------------------------------------------------

function buildControls(cat: Catalog): void {
  ui.metric.replaceChildren(
    ...cat.metrics.map((m) => {
      const option = document.createElement('option');
      option.value = m.id;
      option.textContent = m.name;
      return option;
    }),
  );
  ui.metric.disabled = cat.metrics.length === 0;

  ui.cityList.replaceChildren(
    ...cat.cities.map((c) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'city';
      box.value = c.id;
      label.append(box, document.createTextNode(c.name));
      return label;
    }),
  );
  if (cat.cities.length === 0) ui.cityList.textContent = 'No cities yet.';
  ui.citiesAll.disabled = ui.citiesNone.disabled = cat.cities.length === 0;
}

function syncControls(v: ResolvedView): void {
  ui.metric.value = v.metric.id;
  // Do not overwrite a date the user is typing (a background refresh can land mid-edit).
  if (document.activeElement !== ui.from || isIsoDate(ui.from.value)) ui.from.value = v.range.from;
  if (document.activeElement !== ui.to || isIsoDate(ui.to.value)) ui.to.value = v.range.to;
  ui.to.min = v.range.from;
  const selected = new Set(v.cities.map((c) => c.id));
  for (const box of cityBoxes()) box.checked = selected.has(box.value);
  ui.chartTitle.textContent = v.metric.name;
  ui.chartDescription.textContent = v.metric.description ?? '';
  ui.chartDescription.hidden = !v.metric.description;
}

function cityBoxes(): HTMLInputElement[] {
  return [...ui.cityList.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
}

/** A user change: update the URL (new history entry, so Back undoes it) and reload. */
function applyChange(change: Partial<ViewState>): void {
  urlState = { ...urlState, ...change };
  if (view && catalog) {
    const resolved = resolveView(urlState, catalog, new Date());
    if (resolved) urlState = viewToState(resolved);
  }
  const target = `${location.pathname}${serialiseViewState(urlState)}${location.hash}`;
  if (target !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', target);
  void refresh('change');
}

function onDateChange(which: 'from' | 'to'): void {
  if (!view) return;
  const input = which === 'from' ? ui.from : ui.to;
  if (!isIsoDate(input.value)) {
    // Cleared or half-typed: keep the last valid date.
    input.value = view.range[which];
    return;
  }
  const candidate = { ...view.range, [which]: input.value };
  const { range, adjusted } = normaliseRange(candidate, which);
  if (adjusted) {
    const moved = adjusted === 'from' ? 'Start' : 'End';
    notice =
      range.from === range.to && candidate.from > candidate.to
        ? `${moved} date moved to ${formatDay(range[adjusted])} so the range is not reversed.`
        : `${moved} date moved to ${formatDay(range[adjusted])} to keep the range within ${MAX_RANGE_DAYS} days.`;
  }
  applyChange({ range });
}

function onCitiesChange(): void {
  if (!catalog) return;
  const checked = cityBoxes()
    .filter((b) => b.checked)
    .map((b) => b.value);
  applyChange({ cities: checked.length === catalog.cities.length ? null : checked });
}

ui.form.addEventListener('submit', (e) => e.preventDefault());
ui.metric.addEventListener('change', () => applyChange({ metric: ui.metric.value }));
ui.from.addEventListener('change', () => onDateChange('from'));
ui.to.addEventListener('change', () => onDateChange('to'));
ui.cityList.addEventListener('change', onCitiesChange);
ui.citiesAll.addEventListener('click', () => applyChange({ cities: null }));
ui.citiesNone.addEventListener('click', () => applyChange({ cities: [] }));
window.addEventListener('popstate', () => {
  urlState = parseViewState(location.search);
  void refresh('history');
});

// ---- status ---------------------------------------------------------------------------------------------------

function showStatus(outcome: LoadOutcome): void {
  const message = describeOutcome(outcome);
  ui.statusMessage.textContent = notice ? `${notice} ${message}` : message;
  notice = '';
  ui.status.dataset.kind = outcome.kind;
  ui.statusUpdated.textContent = lastSuccess
    ? formatUpdated(lastSuccess, outcome.kind === 'error' ? 'Last successful update' : 'Updated') + '.'
    : '';
  if (view) {
    const names = view.cities.map((c) => c.name);
    ui.chart.setAttribute('aria-label', describeChart(view.metric.name, formatCities(names, view.allCities), view.range, outcome));
  }
}

function renderTable(): void {
  if (!ui.tableDetails.open) return;
  if (!model || model.pointCount === 0) {
    ui.table.textContent = 'No data to show.';
    return;
  }
  const { columns, rows } = pivotTable(model);
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = `${ui.chartTitle.textContent ?? ''} by hour (UTC). Empty cells: no data.`;
  const headRow = table.createTHead().insertRow();
  for (const name of ['Time (UTC)', ...columns]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = formatUtc(row.t).replace(' UTC', '');
    tr.append(th);
    for (const v of row.values) tr.insertCell().textContent = v === null ? '' : formatValue(v, model.unit);
  }
  ui.table.replaceChildren(table);
}

ui.tableDetails.addEventListener('toggle', renderTable);

// ---- loading --------------------------------------------------------------------------------------------------

type Reason = 'initial' | 'change' | 'history' | 'timer';

async function refresh(reason: Reason): Promise<void> {
  const background = reason === 'timer';
  if (background && inFlight) return; // a user-initiated load is already under way
  const gen = ++generation;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const { signal } = controller;
  const current = () => gen === generation;

  if (!background) {
    setChartState('loading');
    if (!model) showOverlay('Loading…');
  }

  try {
    if (!catalog) {
      const result = await getJson(buildCatalogUrl(), isCatalog, { signal });
      if (!current() || result.notModified) return;
      catalog = result.data;
      buildControls(catalog);
    }

    const resolved = resolveView(urlState, catalog, new Date());
    if (!resolved) throw new ApiError('The server lists no metrics yet, so there is nothing to chart.', 'invalid');
    view = resolved;
    urlState = viewToState(view);
    // Canonicalise the address (e.g. unknown city ids dropped) without adding a history entry.
    const canonical = `${location.pathname}${serialiseViewState(urlState)}${location.hash}`;
    if (canonical !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', canonical);
    syncControls(view);

    if (!view.allCities && view.cities.length === 0) {
      model = null;
      await drawEmpty('no-cities', 0, current);
      return;
    }

    const url = buildKpisUrl({
      metric: view.metric.id,
      cities: view.allCities ? null : view.cities.map((c) => c.id),
      range: view.range,
    });
    const result = await getJson(url, isKpiResponse, { signal, etag: cache?.url === url ? cache.etag : null });
    if (!current()) return;
    lastSuccess = new Date();
    if (result.notModified && cache) {
      // Unchanged since the last load: nothing to redraw after a background refresh.
      if (background && ui.chart.dataset.state !== 'loading') {
        showStatus(
          model && model.pointCount > 0
            ? { kind: 'ready', pointCount: model.pointCount, seriesCount: model.seriesCount }
            : { kind: 'empty', reason: 'no-data' },
        );
        return;
      }
    } else if (!result.notModified) {
      cache = { url, etag: result.etag, data: result.data };
    }
    if (!cache) throw new ApiError('The server answered "not modified" to a first request.', 'invalid');
    const data = cache.data;

    model = toChartModel(data, catalog.cities.map((c) => c.id));
    if (model.pointCount === 0) {
      await drawEmpty('no-data', model.seriesCount, current);
      return;
    }

    const chart = await loadChart();
    if (!current()) return;
    const { fromMs, toMs } = rangeToMs(view.range);
    showOverlay(null);
    await chart.render(buildChartOption(model, { fromMs, toMs, widthPx: ui.chart.clientWidth }));
    if (!current()) return;
    setChartState('ready', model.pointCount, model.seriesCount);
    showStatus({ kind: 'ready', pointCount: model.pointCount, seriesCount: model.seriesCount });
    renderTable();
  } catch (e) {
    if (!current() || (e instanceof DOMException && e.name === 'AbortError')) return;
    const message = e instanceof ApiError ? e.message : 'Something went wrong while drawing the chart.';
    if (!(e instanceof ApiError)) console.error(e);
    const state = ui.chart.dataset.state;
    if (background && (state === 'ready' || state === 'empty')) {
      // Keep showing the last good chart; say that it is not current.
      showStatus({ kind: 'error', message, background: true });
      return;
    }
    model = null;
    cache = null;
    if (chartLoading) (await chartLoading.catch(() => null))?.clear();
    if (!current()) return;
    showOverlay('No chart: the data could not be loaded.', 'error');
    setChartState('error', 0, 0);
    showStatus({ kind: 'error', message, background: false });
    renderTable();
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

async function drawEmpty(reason: 'no-data' | 'no-cities', seriesCount: number, current: () => boolean): Promise<void> {
  (await chartLoading?.catch(() => null))?.clear();
  if (!current()) return;
  showOverlay(reason === 'no-cities' ? 'No city selected.' : 'No data for this selection.');
  setChartState('empty', 0, seriesCount);
  showStatus({ kind: 'empty', reason });
  renderTable();
}

// ---- live refresh ---------------------------------------------------------------------------------------------

setInterval(() => {
  if (document.hidden) {
    staleWhileHidden = true;
    return;
  }
  void refresh('timer');
}, REFRESH_MS);

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && staleWhileHidden) {
    staleWhileHidden = false;
    void refresh('timer');
  }
});

// Show the dates at first paint; the catalog fills in metric and cities.
const initialRange = urlState.range ?? defaultRange(new Date());
ui.from.value = initialRange.from;
ui.to.value = initialRange.to;

void refresh('initial');

// Fetch the ECharts chunk once the shell has painted, in parallel with the first API calls.
requestAnimationFrame(() => setTimeout(() => loadChart().catch(() => undefined), 0));
