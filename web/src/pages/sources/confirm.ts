// Asks before an expensive or far-reaching admin action (calling a vendor, re-curating days of data). A <dialog>
// of the page rather than window.confirm: it is styled like the app, keyboard-trapped, and says exactly what happens.
import { el } from '../../app/dom';

export interface ConfirmRequest {
  title: string;
  detail: string;
  confirmLabel: string;
}

/** Resolves true when the user confirmed, false when they cancelled (button, Escape or leaving the page). */
export function confirmAction(request: ConfirmRequest, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = el('button', { type: 'button', class: 'button button-quiet', 'data-confirm': 'cancel' }, 'Cancel');
    const confirm = el('button', { type: 'button', class: 'button', 'data-confirm': 'confirm' }, request.confirmLabel);
    const dialog = el(
      'dialog',
      { class: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-detail' },
      el('h2', { id: 'confirm-title' }, request.title),
      el('p', { id: 'confirm-detail' }, request.detail),
      el('div', { class: 'dialog-actions' }, cancel, confirm),
    );
    let settled = false;
    const finish = (answer: boolean) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const onAbort = () => finish(false);
    cancel.addEventListener('click', () => finish(false));
    confirm.addEventListener('click', () => finish(true));
    dialog.addEventListener('close', () => finish(false));
    signal.addEventListener('abort', onAbort);
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
