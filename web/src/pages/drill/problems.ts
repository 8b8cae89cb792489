// What the drill and raw pages show when they cannot show their content, and the request helper that keeps the
// API's problem `parameter` (which input was wrong or unknown), so the page can name it.
import './common.css';
import { el, stateBlock } from '../../app/dom';
import { ApiError, errorFromResponse, isAbort, networkError } from '../../app/errors';
import type { ParamProblem } from './drillParams';

/** An API error with the parameter the problem named (`parameter` in the problem+json body), when it named one. */
export class ProblemError extends ApiError {
  constructor(
    error: ApiError,
    readonly parameter: string | null,
  ) {
    super(error.message, error.kind, error.status, error.detail);
    this.name = 'ProblemError';
  }
}

export function parameterOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as { parameter?: unknown }).parameter;
  return typeof value === 'string' ? value : null;
}

/** Awaits an openapi-fetch call: its data, or a ProblemError (network errors as the shell words them). */
export async function fetchOrThrow<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ProblemError(networkError(), null);
  }
  if (!result.response.ok) throw new ProblemError(errorFromResponse(result.response, result.error), parameterOf(result.error));
  return result.data as T;
}

/** A link the page cannot use: which parameters are wrong and what each should be. */
export function invalidLinkBlock(what: string, problems: ParamProblem[]): HTMLElement {
  const names = [...new Set(problems.map((p) => p.parameter))];
  const block = stateBlock('error', `This ${what} link is not valid: check ${names.map((n) => `"${n}"`).join(', ')}.`);
  block.dataset.error = 'invalid';
  block.dataset.parameters = names.join(',');
  block.append(el('ul', { class: 'problem-list' }, problems.map((p) => el('li', { 'data-parameter': p.parameter }, p.message))));
  return block;
}

/** The API answered but refused or could not find what the link names; `what` says what was asked for. */
export function refusedBlock(error: ProblemError, what: string): HTMLElement {
  const notFound = error.kind === 'not-found';
  const title = notFound ? `Not found: ${what}.` : `The API refused the link's ${error.parameter ? `"${error.parameter}"` : 'parameters'}: ${what}.`;
  const block = stateBlock('error', title, error.detail ?? error.message);
  block.dataset.error = notFound ? 'not-found' : 'invalid';
  if (error.parameter) block.dataset.parameters = error.parameter;
  return block;
}

/** The API is down or failed: say so, and offer to try again. */
export function unreachableBlock(error: unknown, retry: () => void): HTMLElement {
  const message = error instanceof ApiError ? error.message : 'The request failed.';
  const block = stateBlock('error', error instanceof ApiError && error.kind === 'network' ? 'The API cannot be reached.' : 'The API failed.', message, { label: 'Retry', run: retry });
  block.dataset.error = 'api';
  return block;
}

/** Refused and not-found answers come from the link; everything else (network, 5xx, 429) is worth a retry. */
export function isLinkProblem(error: unknown): error is ProblemError {
  return error instanceof ProblemError && (error.kind === 'not-found' || error.kind === 'invalid');
}
