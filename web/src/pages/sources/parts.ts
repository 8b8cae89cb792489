// Markup both views of the sources page use: badges and fact lists. Text only, through el(): source errors and
// descriptions come from the API and must never become markup.
import { el } from '../../app/dom';
import { formatUtc } from '../../app/format';
import { formatRoute } from '../../app/route';
import type { Fact, Tone } from './status';

export function badge(text: string, tone: Tone, attrs: Record<string, string> = {}): HTMLElement {
  return el('span', { class: `badge badge-${tone}`, ...attrs }, text);
}

/**
 * A list of facts; values are marked data-volatile (they depend on the data and the time), which the visual tests
 * mask. Values stay on one line (the full text is the tooltip), so a longer age never moves the layout below.
 */
export function factList(facts: Fact[]): HTMLElement {
  return el(
    'dl',
    { class: 'facts' },
    facts.map((f) =>
      el(
        'div',
        { class: 'fact' },
        el('dt', {}, f.label),
        el('dd', { class: f.tone && f.tone !== 'neutral' ? `tone-${f.tone}` : null, title: f.title ?? f.value, 'data-volatile': '' }, f.value),
      ),
    ),
  );
}

/** A link to the raw page for a landed blob, coming back to where the user was. */
export function rawLink(blob: string, text: string = blob): HTMLAnchorElement {
  return el('a', { href: formatRoute('raw', { blob, back: location.hash }), class: 'mono blob-link', 'data-blob': blob }, text);
}

/**
 * "Refreshed 12:04:31 UTC · status as of 2026-12-02 12:04 UTC": when this tab last read the API (browser clock) and
 * the API's own time of the answer, so a page left open shows how old what it shows is.
 */
export function refreshedLine(): { element: HTMLElement; update(generatedUtc: string): void } {
  const element = el('p', { class: 'muted refreshed', 'data-volatile': '', 'aria-live': 'off' }, 'Not refreshed yet');
  return {
    element,
    update(generatedUtc: string) {
      const now = new Date();
      element.dataset.refreshed = now.toISOString();
      element.dataset.generated = generatedUtc;
      element.textContent = `Refreshed ${now.toISOString().slice(11, 19)} UTC · status as of ${formatUtc(generatedUtc)}`;
    },
  };
}
