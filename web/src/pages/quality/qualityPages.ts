// The page-level drill: the pages a source landed on one UTC day, each with its own figures, its run, and what went
// wrong with it (a page error, or a quarantine blob holding its rejected records). The raw page opens the payload.
import { call, client } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import { formatCount } from '../../app/format';
import { rawHash } from '../raw/rawParams';
import { formatFigure } from './qualityModel';

export interface PagesPanel {
  element: HTMLElement;
  show(source: string, day: string | null, backHash: string, signal: AbortSignal): Promise<void>;
}

export function createPagesPanel(onClose: () => void): PagesPanel {
  const heading = el('h2', { id: 'quality-pages-title', tabindex: '-1' });
  const body = el('div', { class: 'table-scroll', 'aria-live': 'polite' });
  const element = el('section', { class: 'card quality-pages', id: 'quality-pages', 'aria-labelledby': 'quality-pages-title', hidden: true },
    el('div', { class: 'quality-pages-head' }, heading,
      el('button', { type: 'button', class: 'button button-quiet', id: 'quality-pages-close', onclick: () => onClose() }, 'Close the page list')),
    body);
  let ticket = 0;

  const show = async (source: string, day: string | null, backHash: string, signal: AbortSignal) => {
    const mine = ++ticket;
    if (!day) {
      element.hidden = true;
      replaceChildren(body);
      return;
    }
    element.hidden = false;
    heading.textContent = `Pages ${source} landed on ${day}`;
    element.dataset.state = 'loading';
    replaceChildren(body, stateBlock('loading', `Loading the pages of ${day}…`));
    try {
      const { data } = await call(client.GET('/v1/quality/{source}/pages', { params: { path: { source }, query: { day } }, signal }));
      if (mine !== ticket) return;
      element.dataset.state = data.pages.length === 0 ? 'empty' : 'ready';
      element.dataset.day = day;
      if (data.pages.length === 0) {
        replaceChildren(body, stateBlock('empty', `${source} landed no pages on ${day}.`, 'Pick a day from the table above.'));
        return;
      }
      replaceChildren(body, el('table', { id: 'quality-pages-table' },
        el('caption', { class: 'visually-hidden' }, `Pages landed on ${day}, each with its quality figures.`),
        el('thead', {}, el('tr', {}, ['Raw page', 'Run', 'Score', 'Observations', 'Missing', 'Rejected', 'Problem'].map((h, i) =>
          el('th', { scope: 'col', class: i >= 2 && i <= 5 ? 'num' : null }, h)))),
        el('tbody', {}, data.pages.map((p) => el('tr', { 'data-blob': p.rawBlob },
          el('td', {}, el('a', { href: rawHash(p.rawBlob, null, backHash), class: 'mono' }, p.rawBlob.split('/').pop() ?? p.rawBlob)),
          el('td', { class: 'mono' }, p.runId),
          el('td', { class: 'num' }, formatFigure(p.quality.score)),
          el('td', { class: 'num' }, formatCount(p.quality.observations)),
          el('td', { class: 'num' }, formatCount(p.quality.missing)),
          el('td', { class: 'num' }, formatCount(p.quality.rejected)),
          el('td', {}, p.pageError ?? (p.quarantineBlob ? `Rejected records kept in ${p.quarantineBlob}` : '')),
        ))),
      ));
    } catch (error) {
      if (isAbort(error) || mine !== ticket) return;
      element.dataset.state = 'error';
      replaceChildren(body, stateBlock('error', `The pages of ${day} could not be loaded.`, messageOf(error)));
    }
  };
  return { element, show };
}
