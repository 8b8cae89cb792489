// The whole view state lives in the URL hash: `#/<page>[/<id>]?<params>`. A hash (not a path) needs no server
// rewrite rule, so the same static files work from Static Web Apps, the local host and a file share.

export interface Route {
  /** First path segment: overview, explore, drill, raw, sources, quality, upload, views, v (a short link). */
  page: string;
  /** Remaining path segments, decoded (e.g. a source id or a saved view id). */
  segments: string[];
  params: URLSearchParams;
}

export const DEFAULT_PAGE = 'overview';

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  const query = q < 0 ? '' : body.slice(q + 1);
  const parts = path.split('/').filter((p) => p.length > 0).map(safeDecode);
  return { page: parts[0] || DEFAULT_PAGE, segments: parts.slice(1), params: new URLSearchParams(query) };
}

/** The hash for a route; parameters with empty values are left out so URLs stay short. */
export function formatRoute(page: string, params?: URLSearchParams | Record<string, string | undefined>, segments: string[] = []): string {
  const search = new URLSearchParams();
  if (params instanceof URLSearchParams) params.forEach((v, k) => v !== '' && search.append(k, v));
  else if (params) for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const path = [page, ...segments].map(encodeURIComponent).join('/');
  const query = search.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is shown as typed; the page reports what it cannot find
  }
}
