// Hash router: each page is its own lazily loaded chunk, so the first paint carries only the shell.
import { el, replaceChildren, stateBlock } from './dom';
import { messageOf } from './errors';
import { startLive, type LiveTicker } from './live';
import type { PageInstance, PageModule, PageState } from './page';
import { formatRoute, parseRoute, type Route } from './route';

const pages: Record<string, () => Promise<PageModule>> = {
  overview: () => import('../pages/overview/overview'),
  explore: () => import('../pages/explore/explore'),
  drill: () => import('../pages/drill/drill'),
  raw: () => import('../pages/raw/raw'),
  sources: () => import('../pages/sources/sources'),
  quality: () => import('../pages/quality/quality'),
  upload: () => import('../pages/upload/upload'),
  views: () => import('../pages/views/views'),
  // A short link to a saved view: `#/v/<id>` opens Explore with the view's state.
  v: () => import('../pages/views/shortLink'),
};

interface Mounted {
  page: string;
  key: string;
  instance: PageInstance | null;
  controller: AbortController;
  live: LiveTicker;
}

export function startRouter(root: HTMLElement, onLive?: (at: Date) => void): void {
  let current: Mounted | null = null;
  let navigation = 0;

  const setState = (state: PageState) => {
    root.dataset.state = state;
    root.setAttribute('aria-busy', String(state === 'loading'));
  };

  const show = async (route: Route) => {
    const key = `${route.page}/${route.segments.join('/')}`;
    highlightNav(route.page);
    if (current && current.key === key && current.instance?.update) {
      await current.instance.update(route);
      return;
    }
    const ticket = ++navigation;
    if (current) {
      current.controller.abort();
      current.live.dispose();
      current.instance?.dispose?.();
      current = null;
    }
    // Drop the left page's DOM at once: nothing of it may be clicked or read while the next one loads.
    root.dataset.page = route.page;
    setState('loading');
    replaceChildren(root, stateBlock('loading', 'Loading…'));

    const load = pages[route.page];
    if (!load) {
      setState('error');
      replaceChildren(root, notFound(route.page));
      return;
    }
    const controller = new AbortController();
    const live = startLive(onLive);
    const mounted: Mounted = { page: route.page, key, instance: null, controller, live };
    current = mounted;
    try {
      const module = await load();
      if (ticket !== navigation) return;
      const container = el('div', { class: 'page' });
      replaceChildren(root, container);
      mounted.instance = await module.mount({
        root: container,
        route,
        signal: controller.signal,
        live,
        setState: (state) => ticket === navigation && setState(state),
        setTitle: (title) => {
          if (ticket === navigation) document.title = `${title} · Tributary`;
        },
        replaceParams: (params) => {
          if (ticket !== navigation) return;
          const hash = formatRoute(route.page, params, route.segments);
          if (hash !== location.hash) history.replaceState(history.state, '', hash);
        },
      });
    } catch (error) {
      if (ticket !== navigation || controller.signal.aborted) return;
      setState('error');
      replaceChildren(root, stateBlock('error', 'This page could not be loaded.', `${messageOf(error)} Reload the page to try again.`, { label: 'Reload', run: () => location.reload() }));
    }
  };

  window.addEventListener('hashchange', () => void show(parseRoute(location.hash)));
  void show(parseRoute(location.hash));
}

function notFound(page: string): HTMLElement {
  return stateBlock('error', `There is no page "${page}".`, 'Pick a page from the menu above.');
}

function highlightNav(page: string): void {
  const section = page === 'drill' || page === 'raw' || page === 'v' ? 'explore' : page;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.site-nav a[data-page]')) {
    if (link.dataset.page === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
