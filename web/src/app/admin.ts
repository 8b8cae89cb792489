// Admin sign-in for the dashboard: the admin key (the host's function key, or in Azure a key from Key Vault) is kept
// in sessionStorage only, so it ends with the tab and never lands in the URL, a saved view or a log.
// In Azure, a user with the Static Web Apps `admin` role is an admin without a key; the API checks either.

const STORAGE_KEY = 'tributary.adminKey';
const listeners = new Set<(signedIn: boolean) => void>();

export function adminKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: admin actions then ask for a key each time
  }
}

export function isAdmin(): boolean {
  return adminKey() !== null;
}

export function signIn(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
  notify();
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  notify();
}

/** Calls `listener` whenever the admin state changes; returns the unsubscribe. */
export function onAdminChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener(isAdmin());
}
