// Tiny DOM helpers: the pages build their markup with these, never with innerHTML, so text from the API (source
// errors, payload fields, view names) can never become markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value as EventListener);
    else if (key === 'class') node.className = String(value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export type StateKind = 'loading' | 'empty' | 'error' | 'stale';

/**
 * The block a page shows instead of (or above) its content when it has nothing good to show: it says what happened
 * and, where the user can do something, offers it. `role=status` (or `alert` for errors) lets screen readers hear it.
 */
export function stateBlock(kind: StateKind, title: string, detail?: string, action?: { label: string; run: () => void }): HTMLElement {
  return el(
    'div',
    { class: `state-block state-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-kind': kind },
    el('p', { class: 'state-title' }, kind === 'loading' ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, title),
    detail ? el('p', { class: 'state-detail' }, detail) : null,
    action ? el('button', { type: 'button', class: 'button', onclick: () => action.run() }, action.label) : null,
  );
}

/** Downloads `content` as a file named `name` (CSV export, saved PNGs). */
export function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
