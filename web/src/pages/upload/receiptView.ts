// The answer to an upload: what was accepted and rejected, the columns' completeness, the time range the rows cover,
// each reject with its line and reason exactly as the API gave them, and where the file landed (with its SHA-256).
import type { Schemas } from '../../app/api';
import { el } from '../../app/dom';
import { formatBytes, formatCount, formatShare, formatUtc } from '../../app/format';
import { rawHash } from '../raw/rawParams';
import { rejectPlace } from './uploadRules';

type Receipt = Schemas['UploadReceipt'];

export function receiptView(receipt: Receipt, fileName: string, backHash: string): HTMLElement {
  const s = receipt.summary;
  const stat = (id: string, label: string, value: number, tone: string) =>
    el('div', { class: `upload-stat upload-stat-${tone}`, id, 'data-value': value }, el('dt', {}, label), el('dd', {}, formatCount(value)));
  return el('section', { class: 'card upload-receipt', id: 'upload-receipt', 'aria-labelledby': 'upload-receipt-title', 'data-run': receipt.runId, 'data-blob': receipt.blob },
    el('h2', { id: 'upload-receipt-title', tabindex: '-1' }, `“${fileName}” was uploaded to ${receipt.source}`),
    receipt.duplicate
      ? el('p', { class: 'page-note', id: 'upload-duplicate' }, 'These exact bytes were already uploaded today, so they were not landed again. The figures below are those of the first upload.')
      : null,
    el('dl', { class: 'upload-stats' },
      stat('upload-rows', 'Rows read', s.rows, 'neutral'),
      stat('upload-accepted', 'Observations accepted', s.observations, 'good'),
      stat('upload-rejected', 'Rejected', s.rejected, s.rejected > 0 ? 'bad' : 'neutral')),
    el('p', { class: 'muted' }, s.firstTimeUtc
      ? `The accepted observations cover ${formatUtc(s.firstTimeUtc)} to ${formatUtc(s.lastTimeUtc)}. They are curated into the source’s observations and KPIs within a minute.`
      : 'No row had a usable time, so nothing is curated.'),
    el('h3', {}, 'Columns'),
    el('div', { class: 'table-scroll' }, el('table', { id: 'upload-columns' },
      el('caption', { class: 'visually-hidden' }, 'Each column of the file: the rows where it had a value, and that as a share of all rows.'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Column'), el('th', { scope: 'col', class: 'num' }, 'Rows with a value'), el('th', { scope: 'col', class: 'num' }, 'Completeness'))),
      el('tbody', {}, s.columns.map((c) => el('tr', { 'data-column': c.name },
        el('th', { scope: 'row' }, c.name), el('td', { class: 'num' }, formatCount(c.present)), el('td', { class: 'num' }, formatShare(c.completeness, 1))))))),
    el('h3', { id: 'upload-rejects-title' }, s.rejected === 0 ? 'No rejects' : `Rejects (${formatCount(s.rejected)})`),
    s.rejected === 0
      ? el('p', { class: 'muted' }, 'Every value was accepted.')
      : rejectsTable(s),
    el('h3', {}, 'Where it landed'),
    el('dl', { class: 'upload-landing' },
      el('dt', {}, 'Raw page'), el('dd', {}, el('a', { href: rawHash(receipt.blob, receipt.sha256, backHash), class: 'mono', id: 'upload-blob' }, receipt.blob)),
      el('dt', {}, 'SHA-256'), el('dd', { class: 'mono' }, receipt.sha256),
      el('dt', {}, 'Run'), el('dd', { class: 'mono' }, receipt.runId),
      el('dt', {}, 'Size'), el('dd', {}, `${formatBytes(receipt.bytes)} (${receipt.mediaType})`),
      el('dt', {}, 'Received'), el('dd', {}, formatUtc(receipt.receivedUtc))),
  );
}

function rejectsTable(s: Schemas['UploadSummary']): HTMLElement {
  const shown = s.rejects.length;
  return el('div', {},
    shown < s.rejected ? el('p', { class: 'muted' }, `The first ${formatCount(shown)} of ${formatCount(s.rejected)} rejects are listed.`) : null,
    el('div', { class: 'table-scroll' }, el('table', { id: 'upload-rejects' },
      el('caption', { class: 'visually-hidden' }, 'Each rejected value: the line of the file (the header is line 1), the column, why it was rejected, and the value.'),
      el('thead', {}, el('tr', {}, ['Line', 'Column', 'Reason', 'Value'].map((h, i) => el('th', { scope: 'col', class: i === 0 ? 'num' : null }, h)))),
      el('tbody', {}, s.rejects.map((r) => {
        const place = rejectPlace(r.locator);
        return el('tr', { 'data-locator': r.locator, 'data-line': place.line ?? '' },
          el('td', { class: 'num' }, place.line ?? r.locator),
          el('td', {}, place.column ?? ''),
          el('td', { class: 'upload-reason' }, r.reason),
          el('td', { class: 'mono' }, r.value ?? el('span', { class: 'muted' }, '(empty)')));
      })),
    )));
}
