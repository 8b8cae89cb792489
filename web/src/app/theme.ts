// Light, dark or the system's choice. public/theme-init.js applies the stored choice before the first paint (no
// flash); this module keeps the selector and the <html data-theme> attribute in step afterwards.

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'tributary.theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

export function themeChoice(): ThemeChoice {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The theme in effect now. */
export function activeTheme(): 'light' | 'dark' {
  const choice = themeChoice();
  return choice === 'system' ? (media.matches ? 'dark' : 'light') : choice;
}

export function setTheme(choice: ThemeChoice): void {
  if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, choice);
  apply();
}

/** Charts redraw in the new palette: they subscribe here. */
export function onThemeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A CSS custom property's value in the active theme (charts read their palette from the stylesheet). */
export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function apply(): void {
  const theme = activeTheme();
  document.documentElement.dataset.theme = theme;
  document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', theme);
  for (const listener of listeners) listener();
}

export function bindThemeSelect(select: HTMLSelectElement): void {
  select.value = themeChoice();
  select.addEventListener('change', () => setTheme(select.value as ThemeChoice));
  media.addEventListener('change', () => themeChoice() === 'system' && apply());
  apply();
}
