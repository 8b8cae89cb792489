// What went wrong with a request, in words a dashboard visitor can act on.

export type ApiErrorKind = 'network' | 'http' | 'auth' | 'not-found' | 'rate-limited' | 'invalid';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status?: number,
    /** The API's problem detail (RFC 9457), when it sent one. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ProblemLike {
  title?: string | null;
  detail?: string | null;
}

/** Turns a failed response (and its problem body, if any) into an ApiError whose message says what happened. */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemLike;
  const detail = problem.detail || problem.title || undefined;
  switch (response.status) {
    case 401:
    case 403:
      return new ApiError(detail ?? 'This needs an admin key: sign in as admin.', 'auth', response.status, detail);
    case 404:
      return new ApiError(detail ?? 'Not found.', 'not-found', 404, detail);
    case 429: {
      const wait = response.headers.get('Retry-After');
      return new ApiError(`Too many requests${wait ? `; try again in ${wait} s` : ''}.`, 'rate-limited', 429, detail);
    }
    default:
      if (response.status >= 400 && response.status < 500) return new ApiError(detail ?? `The request was refused (${response.status}).`, 'invalid', response.status, detail);
      return new ApiError(`The API failed (${response.status}${detail ? `: ${detail}` : ''}). It may be starting or overloaded; it is retried automatically.`, 'http', response.status, detail);
  }
}

/** A fetch that never reached the API (server down, offline): fetch rejects with a TypeError. */
export function networkError(): ApiError {
  return new ApiError('The API cannot be reached. Check that the Tributary host is running; the page retries on its own.', 'network');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
