// The raw page's content once the bytes are here: what they are (type, size, hashes and whether they match), a
// download of the exact bytes, and a view by kind. Payload text only ever becomes text nodes (el / textContent).
import { download, el } from '../../app/dom';
import { formatBytes, formatCount } from '../../app/format';
import { parseCsv } from './csv';
import { capText, MAX_SHOWN_CHARS, MAX_TABLE_ROWS, payloadKind, prettyJson, type PayloadKind } from './payload';
import { downloadName, type RawRequest } from './rawParams';

export interface Landed {
  bytes: ArrayBuffer;
  contentType: string | null;
  /** The hash the API sent (X-Content-SHA256), lower-case hex. */
  declaredSha: string | null;
  /** The hash computed here over `bytes`. */
  sha256: string;
}

type View = 'pretty' | 'table' | 'text';

export function renderRaw(landed: Landed, request: RawRequest): HTMLElement {
  const kind = payloadKind(landed.contentType, request.blob);
  // The expected hash is the lineage's (from the link); without one, the API's own header is what is checked.
  const expected = request.expectedSha ?? landed.declaredSha;
  const expectedFrom = request.expectedSha ? 'link' : landed.declaredSha ? 'api' : 'none';
  const match = expected === null ? 'unknown' : String(expected === landed.sha256);
  const source = request.blob.split('/')[0] ?? '';

  return el(
    'div',
    { class: 'raw', id: 'raw', 'data-kind': kind, 'data-sha256': landed.sha256, 'data-expected-sha256': expected ?? '', 'data-hash-match': match, 'data-bytes': String(landed.bytes.byteLength) },
    request.backRefused ? el('p', { class: 'page-note', id: 'raw-back-refused', role: 'note' }, 'The link asked to return to an address that is not a page of this dashboard; it is ignored, and Back goes to Explore.') : null,
    el(
      'section',
      { class: 'card raw-facts', 'aria-labelledby': 'raw-facts-title' },
      el('h2', { id: 'raw-facts-title', class: 'visually-hidden' }, 'About this payload'),
      el('div', { class: 'raw-badge-row' }, hashBadge(match, expectedFrom)),
      el(
        'dl',
        {},
        fact('Source', el('span', { id: 'raw-source' }, source)),
        fact('Content type', el('span', { id: 'raw-type', class: 'mono' }, landed.contentType ?? 'not given')),
        fact('Size', el('span', { id: 'raw-size' }, `${formatBytes(landed.bytes.byteLength)} (${formatCount(landed.bytes.byteLength)} bytes)`)),
        fact('SHA-256 computed here', el('span', { id: 'raw-sha', class: 'mono raw-hash' }, landed.sha256)),
        fact(
          expectedFrom === 'api' ? 'SHA-256 the API declared' : 'SHA-256 in the lineage',
          el('span', { id: 'raw-expected', class: 'mono raw-hash' }, expected ?? 'none: the link gives no hash to check against'),
        ),
      ),
      el('div', { class: 'toolbar' }, el('button', { type: 'button', class: 'button', id: 'raw-download', onclick: () => download(downloadName(request.blob), new Blob([landed.bytes], { type: landed.contentType ?? 'application/octet-stream' })) }, 'Download payload')),
    ),
    content(kind, landed),
  );
}

function fact(term: string, value: HTMLElement): HTMLElement {
  return el('div', { class: 'raw-fact' }, el('dt', {}, term), el('dd', {}, value));
}

function hashBadge(match: string, expectedFrom: string): HTMLElement {
  const against = expectedFrom === 'api' ? 'the hash the API declared' : 'the lineage hash';
  if (match === 'true') return el('span', { id: 'raw-hash-badge', class: 'badge badge-good', 'data-match': 'true' }, `✓ Hash matches ${against}`);
  if (match === 'false') return el('span', { id: 'raw-hash-badge', class: 'badge badge-bad', 'data-match': 'false' }, `✗ Hash does not match ${against}`);
  return el('span', { id: 'raw-hash-badge', class: 'badge badge-neutral', 'data-match': 'unknown' }, 'No hash to check against');
}

/** The payload by kind, with a toggle between its reading view and the raw text; each view is built when first shown. */
function content(kind: PayloadKind, landed: Landed): HTMLElement {
  if (kind === 'binary') {
    return el(
      'section',
      { class: 'card', id: 'raw-content', 'data-view': 'none', 'aria-labelledby': 'raw-content-title' },
      el('h2', { id: 'raw-content-title' }, 'Payload'),
      el('p', { id: 'raw-binary' }, `This is ${landed.contentType === 'application/zip' ? 'a ZIP archive' : 'a binary payload'}: it is not shown here. Download it to open it.`),
    );
  }

  let text: string | null = null;
  const decoded = () => (text ??= new TextDecoder('utf-8').decode(landed.bytes));
  const views: View[] = kind === 'json' ? ['pretty', 'text'] : kind === 'csv' ? ['table', 'text'] : ['text'];
  const labels: Record<View, string> = { pretty: 'Pretty JSON', table: 'Table', text: 'Raw text' };
  const built = new Map<View, HTMLElement>();
  const body = el('div', { class: 'raw-body' });
  const section = el('section', { class: 'card', id: 'raw-content', 'aria-labelledby': 'raw-content-title' }, el('h2', { id: 'raw-content-title' }, 'Payload'));
  const buttons = views.map((view) => el('button', { type: 'button', class: 'button button-quiet', 'data-view': view, 'aria-pressed': 'false', onclick: () => select(view) }, labels[view]));

  const build = (view: View): HTMLElement => {
    if (view === 'pretty') {
      const pretty = prettyJson(decoded());
      if (!pretty.ok) return el('div', {}, el('p', { class: 'page-note', id: 'raw-json-error' }, `This payload is not valid JSON (${pretty.error}); use Raw text to read it.`));
      return textBlock(pretty.pretty, 'raw-pretty', 'Pretty-printed JSON');
    }
    if (view === 'table') return csvTable(decoded());
    return textBlock(decoded(), 'raw-text', 'Raw text');
  };

  const select = (view: View) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    let node = built.get(view);
    if (!node) built.set(view, (node = build(view)));
    body.replaceChildren(node);
    section.dataset.view = view;
  };

  if (views.length > 1) section.append(el('div', { class: 'raw-toggle', role: 'group', 'aria-label': 'Show the payload as' }, buttons));
  section.append(body);
  select(views[0] ?? 'text');
  return section;
}

/** Text in a <pre>, at most about 1 MB of it, with a note when the payload is longer. */
function textBlock(full: string, id: string, label: string): HTMLElement {
  const shown = capText(full);
  const pre = el('pre', { id, class: 'raw-pre', tabindex: '0', 'aria-label': label, 'data-cut': String(shown.cut) });
  pre.textContent = shown.text;
  return el(
    'div',
    {},
    shown.cut ? el('p', { class: 'page-note raw-cut' }, `Showing the first ${formatCount(MAX_SHOWN_CHARS)} of ${formatCount(shown.totalChars)} characters. Download the payload for all of it.`) : null,
    pre,
  );
}

function csvTable(text: string): HTMLElement {
  const csv = parseCsv(text, MAX_TABLE_ROWS + 1);
  const [header = [], ...rows] = csv.records;
  const totalRows = Math.max(0, csv.total - 1);
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const note =
    totalRows > rows.length
      ? `Showing the first ${formatCount(rows.length)} of ${formatCount(totalRows)} rows. Raw text or the download has all of them.`
      : `${formatCount(totalRows)} ${totalRows === 1 ? 'row' : 'rows'}.`;
  return el(
    'div',
    {},
    el('p', { class: 'muted', id: 'raw-csv-note' }, note),
    csv.unterminatedQuote ? el('p', { class: 'page-note' }, 'The text ends inside a quoted field: the last field runs to the end.') : null,
    el(
      'div',
      { class: 'table-scroll raw-table-scroll', tabindex: '0', role: 'region', 'aria-label': 'CSV rows' },
      el(
        'table',
        { id: 'raw-csv-table', 'data-rows-shown': String(rows.length), 'data-rows-total': String(totalRows), 'data-columns': String(width) },
        el('thead', {}, el('tr', {}, Array.from({ length: width }, (_, i) => el('th', { scope: 'col' }, header[i] ?? '')))),
        el('tbody', {}, rows.map((r) => el('tr', {}, Array.from({ length: width }, (_, i) => el('td', {}, r[i] ?? ''))))),
      ),
    ),
  );
}
