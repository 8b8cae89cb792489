import { describe, expect, it } from 'vitest';
import { ApiError, buildCatalogUrl, buildKpisUrl, describeHttpError, getJson, isCatalog, isKpiResponse } from './api';

describe('buildKpisUrl', () => {
  it('builds the documented query with an exclusive `to`', () => {
    expect(
      buildKpisUrl({ metric: 'thermal_comfort', cities: ['oslo', 'bergen'], range: { from: '2026-11-21', to: '2026-11-22' } }),
    ).toBe('/api/kpis?metric=thermal_comfort&city=oslo,bergen&from=2026-11-21T00%3A00%3A00Z&to=2026-11-23T00%3A00%3A00Z');
  });

  it('omits `city` for all cities', () => {
    const url = buildKpisUrl({ metric: 'thermal_comfort', cities: null, range: { from: '2026-11-21', to: '2026-11-23' } });
    const params = new URL(url, 'http://x').searchParams;
    expect(params.has('city')).toBe(false);
    expect(params.get('from')).toBe('2026-11-21T00:00:00Z');
    expect(params.get('to')).toBe('2026-11-24T00:00:00Z');
  });

  it('encodes ids', () => {
    const url = buildKpisUrl({ metric: 'a&b', cities: ['x y'], range: { from: '2026-11-21', to: '2026-11-21' } });
    const params = new URL(url, 'http://x').searchParams;
    expect(params.get('metric')).toBe('a&b');
    expect(params.get('city')).toBe('x y');
  });

  it('catalog url', () => {
    expect(buildCatalogUrl()).toBe('/api/catalog');
  });
});

describe('describeHttpError', () => {
  it('uses the problem detail in plain words', () => {
    expect(
      describeHttpError(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The range may span at most 31 days.',
      }),
    ).toBe('The server could not answer this request: The range may span at most 31 days.');
  });

  it('falls back to the title, then to the status', () => {
    expect(describeHttpError(404, { title: 'Unknown metric' })).toBe(
      'The dashboard asked for something the server does not have: Unknown metric.',
    );
    expect(describeHttpError(400, 'not json')).toBe('The server could not answer this request (HTTP 400).');
    expect(describeHttpError(503, undefined)).toMatch(/^The server had a problem \(HTTP 503\)/);
  });
});

describe('response guards', () => {
  it('accepts the documented shapes', () => {
    expect(
      isCatalog({
        metrics: [{ id: 'thermal_comfort', name: 'Thermal comfort factor', unit: '1', description: '...' }],
        cities: [{ id: 'oslo', name: 'Oslo', latitude: 59.9, longitude: 10.7 }],
      }),
    ).toBe(true);
    expect(
      isKpiResponse({
        metric: 'thermal_comfort',
        unit: '1',
        from: '2026-11-21T00:00:00Z',
        to: '2026-11-23T00:00:00Z',
        series: [{ city: 'oslo', cityName: 'Oslo', points: [{ t: '2026-11-21T00:00:00Z', value: null, inputs: 0 }] }],
      }),
    ).toBe(true);
  });

  it('rejects wrong shapes', () => {
    expect(isCatalog({ metrics: [] })).toBe(false);
    expect(isCatalog(null)).toBe(false);
    expect(isKpiResponse({ metric: 'm', series: [{ city: 'oslo', points: [{ t: 1, value: 2 }] }] })).toBe(false);
    expect(isKpiResponse({ metric: 'm', series: [{ city: 'oslo', points: [{ t: 'x', value: '2' }] }] })).toBe(false);
  });
});

describe('getJson', () => {
  const ok = (body: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } }));
  const any = (_v: unknown): _v is unknown => true;

  it('returns data and ETag, and sends If-None-Match when given one', async () => {
    let sent: Headers | undefined;
    const fetchImpl = ((_: RequestInfo | URL, init?: RequestInit) => {
      sent = new Headers(init?.headers);
      return ok({ a: 1 }, { ETag: '"v2"' });
    }) as typeof fetch;
    const result = await getJson('/api/x', any, { fetchImpl, etag: '"v1"' });
    expect(sent?.get('If-None-Match')).toBe('"v1"');
    expect(result).toEqual({ notModified: false, data: { a: 1 }, etag: '"v2"' });
  });

  it('reports 304 as not modified', async () => {
    const fetchImpl = (() => Promise.resolve(new Response(null, { status: 304 }))) as typeof fetch;
    expect(await getJson('/api/x', any, { fetchImpl, etag: '"v1"' })).toEqual({ notModified: true });
  });

  it('turns problem+json into a readable ApiError', async () => {
    const fetchImpl = (() =>
      Promise.resolve(
        new Response(JSON.stringify({ title: 'Bad Request', status: 400, detail: 'to must be after from' }), {
          status: 400,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      )) as typeof fetch;
    const error = await getJson('/api/x', any, { fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('The server could not answer this request: to must be after from.');
  });

  it('explains network failures and unexpected shapes', async () => {
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(getJson('/api/x', any, { fetchImpl: down })).rejects.toThrow(/Could not reach the server/);
    const weird = (() => ok({ nope: true })) as typeof fetch;
    await expect(getJson('/api/x', isCatalog, { fetchImpl: weird })).rejects.toThrow(/does not understand/);
  });

  it('lets aborts through unchanged', async () => {
    const aborted = (() => Promise.reject(new DOMException('aborted', 'AbortError'))) as typeof fetch;
    await expect(getJson('/api/x', any, { fetchImpl: aborted })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
