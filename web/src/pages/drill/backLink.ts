// Where "Back" goes from the drill and raw pages. The target travels in the URL (`back=`), so anyone can craft a
// link with any value there: only an in-app hash (`#/page...`) is followed, never a `javascript:` or external URL,
// and anything else falls back to a page we build ourselves.
import { formatRoute } from '../../app/route';

/** Longer than any Explore hash (four KPIs, every city, a custom range); a longer value is not ours. */
export const MAX_BACK_LENGTH = 2000;

/**
 * `value` when it is an in-app hash, else null. Accepted: starts with `#/`, then a page name letter, and holds no
 * whitespace, control characters or backslashes (a browser may read `\` as `/`). `#//host` is refused too: as a
 * hash it would stay on this page, but nothing of ours links like that.
 */
export function safeBackHash(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_BACK_LENGTH) return null;
  if (!/^#\/[a-z]/i.test(value)) return null;
  if (/[\s\\\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}

export interface ExploreFallback {
  kpi?: string | null;
  city?: string | null;
  grain?: string | null;
  stop?: string | null;
}

/** Explore with the drilled KPI, city and grain: the page a drill link usually comes from. */
export function fallbackExploreHash(of: ExploreFallback): string {
  return formatRoute('explore', {
    kpi: of.kpi ?? undefined,
    city: of.city ?? undefined,
    stop: of.stop ?? undefined,
    grain: of.grain === 'hour' || of.grain === 'day' ? of.grain : undefined,
  });
}

/** The `back` parameter if it is safe, else Explore for what the link names. */
export function backHashOr(value: string | null | undefined, fallback: string): string {
  return safeBackHash(value) ?? fallback;
}

const PAGE_NAMES: Record<string, string> = {
  overview: 'Overview',
  explore: 'Explore',
  drill: 'the drill-down',
  raw: 'the raw page',
  sources: 'Sources',
  quality: 'Quality',
  upload: 'Upload',
  views: 'Views',
  v: 'the saved view',
};

/** "Back to Explore", "Back to the drill-down": the link says where it goes. */
export function backLabel(hash: string): string {
  const page = /^#\/([a-z]+)/i.exec(hash)?.[1]?.toLowerCase() ?? '';
  return `Back to ${PAGE_NAMES[page] ?? 'the previous page'}`;
}
