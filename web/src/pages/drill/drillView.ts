// The drill page's content once the bucket is read. All text from the API goes in as text nodes (el), never as
// markup. Tests read what is shown through data-* attributes (the value, the counts, each observation's raw page).
import type { Schemas } from '../../app/api';
import { el } from '../../app/dom';
import { formatAge, formatCount, formatShare, formatUtc, formatValue } from '../../app/format';
import { rawHash } from '../raw/rawParams';
import type { DrillRequest } from './drillParams';
import { explainReason } from './reasons';

type Drill = Schemas['KpiDrillResponse'];
type Observation = Schemas['DrilledObservation'];

export interface DrillViewOptions {
  /** This page's hash: the raw pages it links to come back here. */
  self: string;
  request: DrillRequest;
  /** Loads more observations; null when the API lists no more in one answer (or there are no more). */
  showMore: (() => void) | null;
}

export function renderDrill(data: Drill, options: DrillViewOptions): HTMLElement {
  return el(
    'div',
    {
      class: 'drill',
      id: 'drill',
      'data-kpi': data.kpi,
      'data-bucket': data.bucketStartUtc,
      'data-city': data.city,
      'data-stop': data.stopPlace ?? '',
      'data-grain': data.grain,
    },
    options.request.backRefused
      ? el('p', { class: 'page-note', id: 'drill-back-refused', role: 'note' }, 'The link asked to return to an address that is not a page of this dashboard; it is ignored, and Back goes to Explore.')
      : null,
    summary(data),
    el('div', { class: 'grid drill-grid' }, inputCounts(data), lineage(data, options.self)),
    observations(data, options),
  );
}

function summary(data: Drill): HTMLElement {
  const value =
    data.value === null
      ? el('div', { class: 'drill-value drill-value-null' }, el('span', { class: 'badge badge-warn' }, 'No value'), el('p', { id: 'drill-reason', 'data-reason': data.reason ?? '' }, explainReason(data.reason), data.reason ? el('span', { class: 'muted' }, ` (reason: ${data.reason})`) : null))
      : el('div', { class: 'drill-value num' }, formatValue(data.value, data.unit));
  value.id = 'drill-value';
  value.dataset.value = data.value === null ? '' : String(data.value);
  value.dataset.unit = data.unit;

  return el(
    'section',
    { class: 'card drill-summary', 'aria-labelledby': 'drill-summary-title' },
    el('h2', { id: 'drill-summary-title', class: 'visually-hidden' }, 'The bucket'),
    value,
    el(
      'dl',
      { class: 'drill-facts' },
      fact('Bucket', el('span', { id: 'drill-bucket' }, el('time', { datetime: data.bucketStartUtc }, formatUtc(data.bucketStartUtc)), ' – ', el('time', { datetime: data.bucketEndUtc }, formatUtc(data.bucketEndUtc))), `${data.grain === 'day' ? 'UTC day' : 'UTC hour'}`),
      fact('City', el('span', { id: 'drill-city' }, data.city)),
      data.stopPlace ? fact('Stop place', el('span', { id: 'drill-stop' }, data.stopPlace)) : null,
      fact('Coverage', el('span', { id: 'drill-coverage', 'data-coverage': String(data.coverage) }, formatShare(data.coverage)), 'of the bucket\'s inputs were usable'),
      fact('Inputs', el('span', { id: 'drill-inputs', 'data-inputs': String(data.inputs), 'data-used': String(data.used) }, `${formatCount(data.used)} used of ${formatCount(data.inputs)}`), 'observations entered the formula'),
    ),
  );
}

function fact(term: string, value: HTMLElement, note?: string): HTMLElement {
  return el('div', { class: 'drill-fact' }, el('dt', {}, term), el('dd', {}, value, note ? el('span', { class: 'muted drill-fact-note' }, ` ${note}`) : null));
}

function inputCounts(data: Drill): HTMLElement {
  const entries = Object.entries(data.inputCounts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'drill-counts-title' },
    el('h2', { id: 'drill-counts-title' }, 'Inputs per metric'),
    entries.length === 0
      ? el('p', { class: 'muted' }, 'No input observations fell in this bucket.')
      : el(
          'table',
          { id: 'drill-counts' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Metric'), el('th', { scope: 'col', class: 'num' }, 'Observations'))),
          el('tbody', {}, entries.map(([metric, count]) => el('tr', { 'data-metric': metric, 'data-count': String(count) }, el('td', {}, el('code', {}, metric)), el('td', { class: 'num' }, formatCount(count))))),
        ),
  );
}

function lineage(data: Drill, self: string): HTMLElement {
  const more = data.lineageBlobs - data.lineage.length;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'drill-lineage-title' },
    el('h2', { id: 'drill-lineage-title' }, 'Lineage'),
    el('p', { class: 'muted' }, `The raw ${data.lineageBlobs === 1 ? 'page' : 'pages'} this value was curated from, each with the SHA-256 it was landed with.`),
    data.lineage.length === 0
      ? el('p', { class: 'muted' }, 'No raw pages: no input fell in this bucket.')
      : el(
          'ul',
          { id: 'drill-lineage', class: 'drill-lineage', 'data-blobs': String(data.lineageBlobs) },
          data.lineage.map((entry) =>
            el(
              'li',
              { 'data-blob': entry.blob, 'data-sha256': entry.sha256 },
              el('a', { class: 'lineage-link mono', href: rawHash(entry.blob, entry.sha256, self) }, entry.blob),
              el('span', { class: 'drill-sha mono' }, el('span', { class: 'visually-hidden' }, 'SHA-256 '), entry.sha256),
            ),
          ),
        ),
    more > 0 ? el('p', { class: 'muted' }, `…and ${formatCount(more)} more; each observation below links to its own page.`) : null,
  );
}

function observations(data: Drill, options: DrillViewOptions): HTMLElement {
  const shown = data.observations.length;
  const table = el(
    'table',
    { id: 'drill-observations-table', class: 'drill-observations' },
    el('caption', { class: 'visually-hidden' }, `Observations of ${data.name}, ${formatUtc(data.bucketStartUtc)}`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['Metric', 'Source', 'Location', 'Stop place', 'Time (UTC)'].map((h) => el('th', { scope: 'col' }, h)),
        el('th', { scope: 'col', class: 'num' }, 'Value'),
        el('th', { scope: 'col' }, 'Flags'),
        el('th', { scope: 'col' }, 'Source record key'),
        el('th', { scope: 'col' }, 'Raw page'),
      ),
    ),
    el('tbody', {}, data.observations.map((o) => row(o, options.self))),
  );
  return el(
    'section',
    {
      class: 'card',
      id: 'drill-observations',
      'aria-labelledby': 'drill-observations-title',
      'data-shown': String(shown),
      'data-total': String(data.observationsTotal),
      'data-truncated': String(data.truncated),
      'data-limit': String(data.limit),
    },
    el('h2', { id: 'drill-observations-title', tabindex: '-1' }, 'Observations'),
    el(
      'p',
      { class: 'muted', id: 'drill-observations-count' },
      data.truncated ? `Showing ${formatCount(shown)} of ${formatCount(data.observationsTotal)} observations.` : `${formatCount(data.observationsTotal)} ${data.observationsTotal === 1 ? 'observation' : 'observations'}.`,
    ),
    shown === 0 ? el('p', { class: 'muted' }, 'No observations of the input metrics fell in this bucket.') : el('div', { class: 'table-scroll' }, table),
    data.truncated
      ? el(
          'div',
          { class: 'drill-more' },
          options.showMore
            ? el('button', { type: 'button', class: 'button', id: 'drill-show-more', onclick: () => options.showMore?.() }, 'Show more')
            : el('p', { class: 'muted' }, `The API lists at most ${formatCount(data.limit)} observations of a bucket.`),
          el('p', { id: 'drill-show-more-status', class: 'field-error', role: 'status' }),
        )
      : null,
  );
}

function row(o: Observation, self: string): HTMLElement {
  const time = formatUtc(o.timestampUtc);
  // data-label names each cell where a phone shows a row as a labelled block instead of a wide table.
  const cell = (label: string, attrs: Record<string, string>, ...children: (Node | string | null)[]) => el('td', { ...attrs, 'data-label': label }, ...children);
  return el(
    'tr',
    { 'data-raw-blob': o.rawBlob, 'data-raw-sha256': o.rawSha256, 'data-record': o.sourceRecordKey, 'data-metric': o.metric },
    cell('Metric', {}, el('code', {}, o.metric)),
    cell('Source', { class: 'nowrap' }, o.source),
    cell('Location', {}, el('span', { class: 'mono' }, o.locationId)),
    cell('Stop place', {}, el('span', { class: 'mono' }, o.stopPlace ?? '—')),
    cell('Time (UTC)', { class: 'nowrap' }, el('time', { datetime: o.timestampUtc }, time), o.periodSeconds > 0 ? el('span', { class: 'muted' }, ` (${formatAge(o.periodSeconds)})`) : null),
    cell('Value', { class: 'num nowrap', 'data-value': o.value === null ? '' : String(o.value) }, formatValue(o.value, o.unit)),
    cell('Flags', {}, o.flags.length === 0 ? el('span', { class: 'muted' }, '—') : el('span', {}, o.flags.map((f) => el('span', { class: 'badge badge-warn' }, f)))),
    cell('Source record key', { class: 'drill-key' }, el('span', { class: 'mono' }, o.sourceRecordKey)),
    cell('Raw page', {}, el('a', { class: 'raw-link', href: rawHash(o.rawBlob, o.rawSha256, self), 'aria-label': `Raw page of ${o.metric} at ${time}` }, 'Raw page')),
  );
}
