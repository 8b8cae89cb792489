import { rangeToApi, type DateRange } from './dates';

export interface MetricInfo {
  id: string;
  name: string;
  /** UCUM unit code; "1" = dimensionless. */
  unit: string;
  description?: string;
}

export interface CityInfo {
  id: string;
  name: string;
  latitude?: number;
  longitude?: number;
}

export interface Catalog {
  metrics: MetricInfo[];
  cities: CityInfo[];
}

export interface KpiPoint {
  t: string;
  value: number | null;
  inputs?: number;
  coverage?: number;
}

export interface KpiSeries {
  city: string;
  cityName?: string;
  points: KpiPoint[];
}

export interface KpiResponse {
  metric: string;
  unit: string;
  from: string;
  to: string;
  series: KpiSeries[];
}

/** RFC 9457 problem details, as the API sends for every 4xx. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

export const API_BASE = '/api';

export interface KpiQuery {
  metric: string;
  /** `null` = all cities (the `city` parameter is omitted). */
  cities: string[] | null;
  range: DateRange;
}

export function buildCatalogUrl(): string {
  return `${API_BASE}/catalog`;
}

/** `/api/kpis?metric=..&city=a,b&from=..&to=..` with `to` exclusive (the day after the last day shown). */
export function buildKpisUrl(query: KpiQuery): string {
  const { from, to } = rangeToApi(query.range);
  const parts = [`metric=${encodeURIComponent(query.metric)}`];
  if (query.cities !== null) parts.push(`city=${query.cities.map(encodeURIComponent).join(',')}`);
  parts.push(`from=${encodeURIComponent(from)}`, `to=${encodeURIComponent(to)}`);
  return `${API_BASE}/kpis?${parts.join('&')}`;
}

export type ApiErrorKind = 'network' | 'http' | 'invalid';

/** An API failure with a message meant for people, not developers. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

/** Plain-words description of an HTTP error, using the problem+json `detail` (or `title`) when there is one. */
export function describeHttpError(status: number, body: unknown): string {
  const problem: Problem = isObject(body) ? (body as Problem) : {};
  const reason = [problem.detail, problem.title].find((s) => isString(s) && s.trim() !== '')?.trim();
  if (status >= 400 && status < 500) {
    const lead =
      status === 404 ? 'The dashboard asked for something the server does not have'
      : status === 429 ? 'The server is busy; too many requests'
      : 'The server could not answer this request';
    return reason ? `${lead}: ${stripFinalDot(reason)}.` : `${lead} (HTTP ${status}).`;
  }
  return reason
    ? `The server had a problem: ${stripFinalDot(reason)} (HTTP ${status}). The dashboard will try again in a minute.`
    : `The server had a problem (HTTP ${status}). It may be starting up; the dashboard will try again in a minute.`;
}

function stripFinalDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

export function isCatalog(v: unknown): v is Catalog {
  return (
    isObject(v) &&
    Array.isArray(v.metrics) &&
    v.metrics.every((m) => isObject(m) && isString(m.id) && isString(m.name)) &&
    Array.isArray(v.cities) &&
    v.cities.every((c) => isObject(c) && isString(c.id) && isString(c.name))
  );
}

export function isKpiResponse(v: unknown): v is KpiResponse {
  return (
    isObject(v) &&
    isString(v.metric) &&
    Array.isArray(v.series) &&
    v.series.every(
      (s) =>
        isObject(s) &&
        isString(s.city) &&
        Array.isArray(s.points) &&
        s.points.every((p) => isObject(p) && isString(p.t) && (p.value === null || typeof p.value === 'number')),
    )
  );
}

export type FetchResult<T> = { notModified: false; data: T; etag: string | null } | { notModified: true };

/**
 * GET a JSON resource. With `etag`, sends If-None-Match and reports 304 as `notModified`
 * (the periodic refresh then skips redrawing). Throws ApiError with a readable message.
 */
export async function getJson<T>(
  url: string,
  guard: (v: unknown) => v is T,
  options: { signal?: AbortSignal; etag?: string | null; fetchImpl?: typeof fetch } = {},
): Promise<FetchResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.etag) headers['If-None-Match'] = options.etag;
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url, { headers, signal: options.signal, cache: 'no-store' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('Could not reach the server. Check the connection; the dashboard will try again in a minute.', 'network');
  }
  if (response.status === 304) return { notModified: true };

  let body: unknown = undefined;
  const text = await response.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) throw new ApiError(describeHttpError(response.status, body), 'http', response.status);
  if (!guard(body)) throw new ApiError('The server sent data in a shape the dashboard does not understand.', 'invalid');
  return { notModified: false, data: body, etag: response.headers.get('ETag') };
}
