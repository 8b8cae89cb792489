// Export and share: the CSV and PNG of what is shown, a copyable link to this state, and "Save view" (a named
// short link `#/v/<id>`).
import { download, el } from '../../app/dom';
import { messageOf } from '../../app/errors';
import { copyText } from '../../app/clipboard';

export interface ShareActions {
  csv(): { name: string; text: string } | null;
  png(): { name: string; blob: Blob } | null;
  /** The absolute URL of this state. */
  link(): string;
  /** Saves the view under `name` and returns its id. */
  saveView(name: string): Promise<string>;
}

export interface ShareBar {
  element: HTMLElement;
  /** Exports make sense only while a chart is shown. */
  setReady(ready: boolean): void;
}

export const MAX_VIEW_NAME = 80;

export function shortLinkUrl(id: string): string {
  return `${location.origin}${location.pathname}#/v/${encodeURIComponent(id)}`;
}

export function createShareBar(actions: ShareActions): ShareBar {
  const status = el('p', { class: 'share-status muted', role: 'status', 'aria-live': 'polite' });
  const say = (text: string) => (status.textContent = text);

  const csvButton = el('button', { type: 'button', class: 'button button-quiet', id: 'explore-csv', disabled: true }, 'Download CSV');
  const pngButton = el('button', { type: 'button', class: 'button button-quiet', id: 'explore-png', disabled: true }, 'Download PNG');
  const linkInput = el('input', { type: 'text', readonly: true, hidden: true, id: 'explore-link', 'aria-label': 'Link to this view' });
  const copyButton = el('button', { type: 'button', class: 'button button-quiet', id: 'explore-copy-link' }, 'Copy link');

  csvButton.addEventListener('click', () => {
    const file = actions.csv();
    if (!file) return say('Nothing to export yet.');
    download(file.name, new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
    say(`Downloaded ${file.name}.`);
  });
  pngButton.addEventListener('click', () => {
    const file = actions.png();
    if (!file) return say('The chart is not drawn yet.');
    download(file.name, file.blob);
    say(`Downloaded ${file.name}.`);
  });
  copyButton.addEventListener('click', async () => {
    const link = actions.link();
    linkInput.value = link;
    say((await copyText(link, linkInput)) ? 'Link copied.' : 'Press Ctrl+C (⌘C) to copy the selected link.');
  });

  // ---- save view ----
  const nameInput = el('input', { type: 'text', id: 'explore-view-name', name: 'name', maxlength: MAX_VIEW_NAME, autocomplete: 'off', 'aria-describedby': 'explore-view-error' });
  const saveButton = el('button', { type: 'submit', class: 'button', id: 'explore-save' }, 'Save view');
  const saveError = el('p', { class: 'field-error', id: 'explore-view-error', 'aria-live': 'assertive' });
  const shortInput = el('input', { type: 'text', readonly: true, id: 'explore-short-link', 'aria-label': 'Short link to the saved view' });
  const shortCopy = el('button', { type: 'button', class: 'button button-quiet' }, 'Copy');
  const shortOpen = el('a', { href: '#', id: 'explore-short-open' }, 'Open');
  const saved = el('div', { class: 'saved-view', hidden: true }, el('span', {}, 'Short link:'), shortInput, shortCopy, shortOpen);
  shortCopy.addEventListener('click', async () => say((await copyText(shortInput.value, shortInput)) ? 'Short link copied.' : 'Press Ctrl+C (⌘C) to copy the selected link.'));

  const form = el('form', { class: 'save-view', 'aria-label': 'Save this view' },
    el('div', { class: 'field' }, el('label', { for: 'explore-view-name' }, 'View name'), nameInput),
    saveButton,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    nameInput.setAttribute('aria-invalid', String(name.length === 0));
    if (!name) {
      saveError.textContent = 'View name: enter a name to save this view under.';
      return nameInput.focus();
    }
    saveError.textContent = '';
    saveButton.disabled = true;
    try {
      const id = await actions.saveView(name);
      shortInput.value = shortLinkUrl(id);
      shortOpen.href = `#/v/${encodeURIComponent(id)}`;
      saved.hidden = false;
      say(`Saved as “${name}”.`);
    } catch (error) {
      saveError.textContent = `The view could not be saved: ${messageOf(error)}`;
    } finally {
      saveButton.disabled = false;
    }
  });

  const element = el('div', { class: 'explore-share' },
    el('div', { class: 'toolbar' }, csvButton, pngButton, copyButton, linkInput, status),
    form,
    saveError,
    saved,
  );
  return {
    element,
    setReady(ready) {
      csvButton.disabled = !ready;
      pngButton.disabled = !ready;
    },
  };
}
