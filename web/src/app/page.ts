// The contract between the router and a page. A page is a module in src/pages/<name>/ whose `mount` builds its DOM
// inside `ctx.root`, reports its state through `ctx.setState` (tests and screen readers rely on it), and returns an
// instance the router updates when only the parameters change and disposes when the user leaves.
import type { LiveTicker } from './live';
import type { Route } from './route';

export type PageState = 'loading' | 'ready' | 'empty' | 'error';

export interface PageContext {
  root: HTMLElement;
  route: Route;
  /** Aborted when the page is left: pass it to every request. */
  signal: AbortSignal;
  live: LiveTicker;
  /** Marks `#page-root[data-state]`; `ready` means the content on screen matches the API. */
  setState(state: PageState): void;
  /** Sets the document title (`<title> · Tributary`) and the page heading's text for screen readers. */
  setTitle(title: string): void;
  /** Writes new parameters into the URL without reloading or re-mounting (history.replaceState). */
  replaceParams(params: URLSearchParams): void;
}

export interface PageInstance {
  /** Called when the hash changes but the page stays the same (e.g. back/forward between filter states). */
  update?(route: Route): void | Promise<void>;
  dispose?(): void;
}

export interface PageModule {
  mount(ctx: PageContext): PageInstance | Promise<PageInstance>;
}
