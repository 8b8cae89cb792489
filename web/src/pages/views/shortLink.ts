// A short link `#/v/<id>`: reads the saved view and replaces the hash with the Explore state it holds
// (history.replaceState, so Back goes to the page before the link, not back into this redirect). An unknown or
// deleted id, or an API failure, is said plainly, with a way on.
import './views.css';
import { call, client } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { ApiError, isAbort, messageOf } from '../../app/errors';
import type { PageContext, PageInstance } from '../../app/page';
import type { Route } from '../../app/route';
import { exploreHash } from './viewSummary';

/** The API's id format (10 letters and digits): anything else cannot be a view, so it is not even asked for. */
const VIEW_ID = /^[A-Za-z0-9]{10}$/;

export async function mount(ctx: PageContext): Promise<PageInstance> {
  ctx.setTitle('Saved view');
  await open(ctx, ctx.route);
  return { update: (route) => open(ctx, route) };
}

async function open(ctx: PageContext, route: Route): Promise<void> {
  const id = route.segments[0] ?? '';
  const show = (block: HTMLElement) => replaceChildren(ctx.root, el('div', { class: 'page-head' }, el('h1', {}, 'Saved view')), block);
  ctx.setState('loading');
  show(stateBlock('loading', 'Opening the saved view…'));

  if (!VIEW_ID.test(id)) return fail(ctx, show, notFoundBlock(id));
  try {
    const { data: view } = await call(client.GET('/v1/views/{id}', { params: { path: { id } }, signal: ctx.signal }));
    if (ctx.signal.aborted) return;
    history.replaceState(history.state, '', exploreHash(view));
    // replaceState fires no hashchange: tell the router, which then mounts Explore with the view's state.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } catch (error) {
    if (isAbort(error)) return;
    if (error instanceof ApiError && (error.kind === 'not-found' || error.status === 400)) return fail(ctx, show, notFoundBlock(id));
    fail(ctx, show, stateBlock('error', 'The saved view could not be opened.', messageOf(error), { label: 'Retry', run: () => void open(ctx, route) }));
  }
}

function fail(ctx: PageContext, show: (block: HTMLElement) => void, block: HTMLElement): void {
  show(block);
  ctx.setState('error');
}

function notFoundBlock(id: string): HTMLElement {
  const block = stateBlock('error', id ? `There is no saved view “${id}”.` : 'This short link names no saved view.',
    'It may have been deleted, or the link was cut or mistyped. Pick one from the saved views, or start afresh in Explore.');
  block.append(el('p', { class: 'views-ways' }, el('a', { href: '#/views' }, 'Saved views'), ' · ', el('a', { href: '#/explore' }, 'Explore')));
  return block;
}
