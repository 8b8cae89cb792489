// Live refresh without DOM churn: a section is rebuilt only when what it shows changed. The status API stamps every
// answer with its own time (so its ETag changes on every read); comparing what a section would show instead keeps
// unchanged sections, their focus, scroll position and open <details>, exactly as they are.
import { replaceChildren } from '../../app/dom';

const shown = new WeakMap<Element, string>();

type Built = Node | string | null | undefined | false | (Node | string | null | undefined | false)[];

/**
 * Fills `host` with `build()` unless it already shows `model` (compared as JSON). Returns true when it rebuilt.
 * `host[data-render-count]` counts the rebuilds, so a test can tell an unchanged refresh touched nothing.
 */
export function patch(host: HTMLElement, model: unknown, build: () => Built): boolean {
  const signature = JSON.stringify(model);
  if (shown.get(host) === signature) return false;
  shown.set(host, signature);
  const built = build();
  replaceChildren(host, ...(Array.isArray(built) ? built : [built]));
  host.dataset.renderCount = String(Number(host.dataset.renderCount ?? '0') + 1);
  return true;
}

/** Forgets what `host` shows, so the next patch rebuilds it (e.g. after the admin state changed). */
export function invalidate(host: Element): void {
  shown.delete(host);
}
