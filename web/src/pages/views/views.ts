// Saved views: every view saved from Explore (name, KPIs, cities, range, when it was saved, in UTC), each with a
// link that opens it in Explore, its short link to copy, and, for an admin, a delete with an inline confirmation
// (no window.confirm: it blocks the page and cannot be styled or labelled).
import './views.css';
import { call, client, forgetCached, type Schemas } from '../../app/api';
import { isAdmin, onAdminChange } from '../../app/admin';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { isAbort, messageOf } from '../../app/errors';
import { formatUtc } from '../../app/format';
import type { PageContext, PageInstance } from '../../app/page';
import { shortLinkUrl } from '../explore/shareBar';
import { copyText } from '../../app/clipboard';
import { byNewest, cityNames, exploreHash, kpiNames, rangeLabel, type NameLookup } from './viewSummary';

type View = Schemas['SavedView'];

const PAGE_SIZE = 100;
/** The list reads at most this many views; more are said to exist rather than silently cut. */
const MAX_VIEWS = 1000;

export async function mount(ctx: PageContext): Promise<PageInstance> {
  ctx.setTitle('Saved views');
  // Focusable so that after a delete (its button is gone) focus lands on the message that says what happened.
  const status = el('p', { class: 'muted', id: 'views-status', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const body = el('div', { class: 'views-body' });
  replaceChildren(ctx.root,
    el('div', { class: 'page-head' }, el('h1', {}, 'Saved views'), el('p', { class: 'muted' }, 'Save a view from ', el('a', { href: '#/explore' }, 'Explore'), '; every view has a short link.')),
    status,
    body,
  );

  let views: View[] = [];
  let truncated = false;
  let names: NameLookup = { kpis: new Map(), cities: new Map() };
  let shown = '';

  const render = () => {
    if (views.length === 0) {
      replaceChildren(body, stateBlock('empty', 'No views are saved yet.', 'Open Explore, pick what to show and use “Save view”: it appears here with its short link.'));
      ctx.setState('empty');
      return;
    }
    replaceChildren(body, viewsTable(views, names, { onDeleted: (view) => void deleted(view), say }), truncated ? el('p', { class: 'muted' }, `The first ${MAX_VIEWS} views are listed.`) : null);
    ctx.setState('ready');
  };
  const say = (text: string) => (status.textContent = text);

  const load = async (signal: AbortSignal, force = false) => {
    const [list, catalog] = await Promise.all([readAll(signal), readNames(signal)]);
    names = catalog;
    // Redraw only when something changed: a live tick must not reset a pending delete confirmation or focus.
    const fingerprint = JSON.stringify([list.views.map((v) => [v.id, v.name, v.createdUtc]), list.truncated, [...names.kpis], [...names.cities]]);
    if (!force && fingerprint === shown) return;
    shown = fingerprint;
    views = list.views.sort(byNewest);
    truncated = list.truncated;
    render();
  };

  const deleted = async (view: View) => {
    forgetCached('/v1/views');
    views = views.filter((v) => v.id !== view.id);
    render();
    say(`Deleted “${view.name}”.`);
    status.focus();
  };

  const run = async () => {
    try {
      await load(ctx.signal, true);
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(body, stateBlock('error', 'The saved views could not be loaded.', messageOf(error), { label: 'Retry', run: () => void run() }));
      ctx.setState('error');
    }
  };

  // Signing in or out shows or hides the delete buttons.
  const unsubscribe = onAdminChange(() => views.length > 0 && render());
  ctx.live.every((signal) => load(signal));
  await run();
  return { dispose: unsubscribe };
}

async function readAll(signal: AbortSignal): Promise<{ views: View[]; truncated: boolean }> {
  const views: View[] = [];
  let continuation: string | undefined;
  do {
    const { data } = await call(client.GET('/v1/views', { params: { query: { limit: String(PAGE_SIZE), continuation } }, signal }));
    views.push(...data.views);
    continuation = data.continuation ?? undefined;
  } while (continuation && views.length < MAX_VIEWS);
  return { views: views.slice(0, MAX_VIEWS), truncated: continuation !== undefined || views.length > MAX_VIEWS };
}

/** KPI and city names; without the catalog the list still works and shows ids. */
async function readNames(signal: AbortSignal): Promise<NameLookup> {
  try {
    const { data } = await call(client.GET('/v1/catalog', { signal }));
    return { kpis: new Map(data.kpis.map((k) => [k.id, k.name])), cities: new Map(data.cities.map((c) => [c.id, c.name])) };
  } catch (error) {
    if (isAbort(error)) throw error;
    return { kpis: new Map(), cities: new Map() };
  }
}

interface RowActions {
  onDeleted(view: View): void;
  say(text: string): void;
}

function viewsTable(views: View[], names: NameLookup, actions: RowActions): HTMLElement {
  const admin = isAdmin();
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'views-table', id: 'views-table' },
      el('caption', { class: 'visually-hidden' }, 'Saved views, newest first'),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Name'),
        el('th', { scope: 'col' }, 'KPIs'),
        el('th', { scope: 'col' }, 'Cities'),
        el('th', { scope: 'col' }, 'Range'),
        el('th', { scope: 'col' }, 'Saved (UTC)'),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Actions')),
      )),
      el('tbody', {}, views.map((view) => viewRow(view, names, admin, actions))),
    ),
  );
}

function viewRow(view: View, names: NameLookup, admin: boolean, actions: RowActions): HTMLElement {
  const link = shortLinkUrl(view.id);
  const linkInput = el('input', { type: 'text', readonly: true, hidden: true, value: link, class: 'views-link', 'aria-label': `Short link to “${view.name}”` });
  const copy = el('button', { type: 'button', class: 'button button-quiet views-copy', 'aria-label': `Copy the short link to “${view.name}”` }, 'Copy link');
  copy.addEventListener('click', async () => {
    linkInput.value = link;
    actions.say((await copyText(link, linkInput)) ? `Short link to “${view.name}” copied.` : 'Press Ctrl+C (⌘C) to copy the selected link.');
  });
  const cells = el('div', { class: 'views-actions' },
    el('a', { class: 'button views-open', href: exploreHash(view), 'aria-label': `Open “${view.name}” in Explore` }, 'Open'),
    copy,
    admin ? deleteControl(view, actions) : null,
    linkInput,
  );
  return el('tr', { 'data-view': view.id },
    el('th', { scope: 'row', class: 'views-name' }, el('a', { href: `#/v/${encodeURIComponent(view.id)}` }, view.name)),
    el('td', { class: 'views-kpis', 'data-label': 'KPIs' }, kpiNames(view, names)),
    el('td', { class: 'views-cities', 'data-label': 'Cities' }, cityNames(view, names)),
    el('td', { class: 'views-range', 'data-label': 'Range' }, rangeLabel(view.range)),
    el('td', { class: 'views-created', 'data-label': 'Saved' }, el('time', { datetime: view.createdUtc }, formatUtc(view.createdUtc))),
    el('td', {}, cells),
  );
}

/** Delete, then an inline “Delete “name”? Yes / Cancel”; Escape or Cancel puts the Delete button back. */
function deleteControl(view: View, actions: RowActions): HTMLElement {
  const holder = el('span', { class: 'views-delete' });
  const start = el('button', { type: 'button', class: 'button button-quiet views-delete-start', 'aria-label': `Delete “${view.name}”` }, 'Delete');
  const error = el('span', { class: 'field-error', role: 'alert' });

  const ask = () => {
    const yes = el('button', { type: 'button', class: 'button views-delete-confirm' }, 'Yes, delete');
    const no = el('button', { type: 'button', class: 'button button-quiet views-delete-cancel' }, 'Cancel');
    const back = () => {
      replaceChildren(holder, start, error);
      start.focus();
    };
    no.addEventListener('click', back);
    holder.addEventListener('keydown', (event) => event.key === 'Escape' && holder.contains(no) && back());
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      try {
        await call(client.DELETE('/v1/views/{id}', { params: { path: { id: view.id } } }));
        actions.onDeleted(view);
      } catch (failure) {
        // Already gone (another admin, another tab): the list should drop it all the same.
        if (failure instanceof Error && 'kind' in failure && failure.kind === 'not-found') return actions.onDeleted(view);
        error.textContent = `Not deleted: ${messageOf(failure)}`;
        back();
      }
    });
    replaceChildren(holder, el('span', { class: 'views-confirm-text' }, `Delete “${view.name}”?`), yes, no);
    yes.focus();
  };
  start.addEventListener('click', ask);
  replaceChildren(holder, start, error);
  return holder;
}
