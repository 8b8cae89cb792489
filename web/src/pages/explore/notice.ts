// What the page changed in a link it was given (unknown KPI, bad dates, ...): a dismissible notice, so a
// hand-edited or outdated link says what it ignored instead of silently showing something else.
import { el, replaceChildren } from '../../app/dom';

export interface Notice {
  element: HTMLElement;
  show(problems: readonly string[]): void;
}

export function createNotice(): Notice {
  const element = el('div', { class: 'explore-notice state-block state-stale', role: 'status', hidden: true, id: 'explore-notice' });
  const show = (problems: readonly string[]) => {
    element.hidden = problems.length === 0;
    if (problems.length === 0) return replaceChildren(element);
    replaceChildren(element,
      el('p', { class: 'state-title' }, 'Some of the link could not be used:'),
      el('ul', {}, problems.map((p) => el('li', {}, p))),
      el('button', { type: 'button', class: 'button button-quiet', id: 'explore-notice-dismiss', onclick: () => show([]) }, 'Dismiss'),
    );
  };
  return { element, show };
}
