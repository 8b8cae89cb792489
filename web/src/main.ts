import './style.css';
import { isAdmin, onAdminChange, signIn, signOut } from './app/admin';
import { client } from './app/api';
import { startRouter } from './app/router';
import { bindThemeSelect } from './app/theme';

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
};

bindThemeSelect(byId<HTMLSelectElement>('theme'));
bindAdmin();
bindSkipLink();

const liveStatus = byId<HTMLSpanElement>('live-status');
startRouter(byId<HTMLElement>('page-root'), (at) => {
  liveStatus.textContent = `Updated ${at.toISOString().slice(11, 16)} UTC`;
  liveStatus.dataset.updated = at.toISOString();
});

// The skip link's `#page-root` would be read by the hash router as a page name: move focus to the content instead.
function bindSkipLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('a.skip-link');
  link?.addEventListener('click', (event) => {
    event.preventDefault();
    byId<HTMLElement>('page-root').focus();
  });
}

function bindAdmin(): void {
  const button = byId<HTMLButtonElement>('admin-button');
  const dialog = byId<HTMLDialogElement>('admin-dialog');
  const form = byId<HTMLFormElement>('admin-form');
  const input = byId<HTMLInputElement>('admin-key');
  const error = byId<HTMLParagraphElement>('admin-error');
  const submit = byId<HTMLButtonElement>('admin-submit');

  const render = () => {
    button.textContent = isAdmin() ? 'Admin: sign out' : 'Admin sign-in';
    document.documentElement.dataset.admin = String(isAdmin());
  };
  onAdminChange(render);
  render();

  button.addEventListener('click', () => {
    if (isAdmin()) return signOut();
    error.textContent = '';
    input.value = '';
    dialog.showModal();
  });
  byId<HTMLButtonElement>('admin-cancel').addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      error.textContent = 'Enter the admin key.';
      return;
    }
    submit.disabled = true;
    error.textContent = '';
    try {
      // Checks the key on an admin read before keeping it, so a typo is caught here and not at the first action.
      const { response } = await client.GET('/v1/admin/alerts/rules', { headers: { 'x-functions-key': key } });
      if (response.status === 401 || response.status === 403) error.textContent = 'That key was refused. Check the admin key and try again.';
      else if (!response.ok) error.textContent = `The API could not check the key (${response.status}). Try again.`;
      else {
        signIn(key);
        dialog.close();
      }
    } catch {
      error.textContent = 'The API cannot be reached, so the key could not be checked.';
    } finally {
      submit.disabled = false;
    }
  });
}
