// The typed API client: paths, parameters and bodies come from the OpenAPI document (src/api/schema.d.ts is
// generated from it by openapi-typescript; `npm run api` refreshes both), so a renamed field breaks the build.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../api/schema';
import { adminKey } from './admin';
import { ApiError, errorFromResponse, isAbort, networkError } from './errors';

export type Schemas = components['schemas'];

export const API_BASE = '/api';

/**
 * Conditional GETs: the API sends an ETag on every read, so the live refresh asks with If-None-Match and a 304
 * costs no body. On a 304 the middleware answers with the kept body and marks it `x-tributary-cache: hit`, so a
 * page can tell "unchanged" and keep its chart (zoom, selection) as it is.
 */
const etags = new Map<string, { etag: string; body: string; type: string }>();
const MAX_CACHED = 200;

const conditionalGet: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET') return request;
    const kept = etags.get(request.url);
    if (kept) request.headers.set('If-None-Match', kept.etag);
    return request;
  },
  async onResponse({ request, response }) {
    if (request.method !== 'GET') return response;
    const kept = etags.get(request.url);
    if (response.status === 304 && kept) {
      return new Response(kept.body, { status: 200, headers: { 'content-type': kept.type, etag: kept.etag, 'x-tributary-cache': 'hit' } });
    }
    const etag = response.headers.get('ETag');
    if (response.ok && etag) {
      const body = await response.clone().text();
      if (etags.size >= MAX_CACHED) etags.delete(etags.keys().next().value!);
      etags.set(request.url, { etag, body, type: response.headers.get('content-type') ?? 'application/json' });
    }
    return response;
  },
};

/** Admin operations take the function key (or, in Azure, the signed-in user's admin role). */
const adminHeader: Middleware = {
  onRequest({ request }) {
    const key = adminKey();
    if (key) request.headers.set('x-functions-key', key);
    return request;
  },
};

export const client = createClient<paths>({ baseUrl: API_BASE });
client.use(conditionalGet, adminHeader);

export interface Fetched<T> {
  data: T;
  /** True when the API said 304: nothing changed since the last read of the same URL. */
  unchanged: boolean;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data or throws an ApiError that says what happened.
 * Usage: `const { data } = await call(client.GET('/v1/sources', { signal }))`.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Fetched<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    if (isAbort(error)) throw error;
    if (error instanceof ApiError) throw error;
    throw networkError();
  }
  const { data, error, response } = result;
  if (!response.ok) throw errorFromResponse(response, error);
  return { data: data as T, unchanged: response.headers.get('x-tributary-cache') === 'hit', response };
}

/** Forgets kept ETags (after a write the next read must fetch, not trust a 304 of an older state). */
export function forgetCached(prefix = ''): void {
  for (const url of [...etags.keys()]) if (url.includes(`${API_BASE}${prefix}`)) etags.delete(url);
}
