import { describe, expect, it } from 'vitest';
import { downloadName, parseRawParams, rawApiUrl, rawHash } from './rawParams';
import { parseRoute } from '../../app/route';

const BLOB = 'city-counters/2026/11/20/20261120T0800Z.push-0123456789ab/upload.csv';
const SHA = 'A'.repeat(64);

describe('parseRawParams', () => {
  it('reads the blob, the expected hash (lower-cased) and a safe back', () => {
    const parsed = parseRawParams(new URLSearchParams({ blob: BLOB, sha: SHA, back: '#/drill?kpi=k' }));
    expect(parsed).toEqual({ ok: true, request: { blob: BLOB, expectedSha: 'a'.repeat(64), back: '#/drill?kpi=k', backRefused: false } });
  });

  it('needs no hash and no back', () => {
    const parsed = parseRawParams(new URLSearchParams({ blob: BLOB }));
    expect(parsed).toEqual({ ok: true, request: { blob: BLOB, expectedSha: null, back: null, backRefused: false } });
  });

  it('refuses a hostile back', () => {
    const parsed = parseRawParams(new URLSearchParams({ blob: BLOB, back: 'javascript:alert(1)' }));
    expect(parsed.ok && parsed.request).toMatchObject({ back: null, backRefused: true });
  });

  it.each([
    ['', 'blob'],
    ['../secrets/x.json', 'blob'],
    ['a/b/c/d/e/..', 'blob'],
    ['a/b/c/d/e/f.json/g', 'blob'],
    ['a/b//d/e/f.json', 'blob'],
    ['a%2Fb/c/d/e/f/g.json', 'blob'],
    ['a/b/c/d/e/f g.json', 'blob'],
  ])('names blob for %j', (blob, parameter) => {
    const parsed = parseRawParams(new URLSearchParams({ blob }));
    expect(!parsed.ok && parsed.problems.map((p) => p.parameter)).toEqual([parameter]);
  });

  it('names sha when it is not 64 hex digits', () => {
    const parsed = parseRawParams(new URLSearchParams({ blob: BLOB, sha: 'abc' }));
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ parameter: 'sha' });
  });
});

describe('rawApiUrl', () => {
  it('keeps the slashes as path separators and encodes each part', () => {
    expect(rawApiUrl(BLOB)).toBe('/api/v1/raw/city-counters/2026/11/20/20261120T0800Z.push-0123456789ab/upload.csv');
    expect(rawApiUrl('entur/2026/11/20/run:1/page 1.json')).toBe('/api/v1/raw/entur/2026/11/20/run%3A1/page%201.json');
  });
});

describe('rawHash', () => {
  it('carries the blob, the hash and the way back through the router', () => {
    const back = '#/drill?kpi=k&bucket=2026-11-22T00%3A00%3A00.000Z&city=oslo&back=%23%2Fexplore%3Fcity%3Doslo';
    const route = parseRoute(rawHash(BLOB, 'f'.repeat(64), back));
    expect([route.page, route.params.get('blob'), route.params.get('sha'), route.params.get('back')]).toEqual(['raw', BLOB, 'f'.repeat(64), back]);
  });
});

describe('downloadName', () => {
  it('names the file by source, run and page', () => {
    expect(downloadName(BLOB)).toBe('city-counters_20261120T0800Z.push-0123456789ab_upload.csv');
  });
});
