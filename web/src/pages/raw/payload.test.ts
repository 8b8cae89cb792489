import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { capText, payloadKind, prettyJson, sha256Hex, toHex } from './payload';

describe('payloadKind', () => {
  it('follows the media type', () => {
    expect(payloadKind('application/json; charset=utf-8', 'x/a.bin')).toBe('json');
    expect(payloadKind('application/problem+json', 'x')).toBe('json');
    expect(payloadKind('text/csv', 'x/a.json')).toBe('csv');
    expect(payloadKind('application/xml', 'x/a.xml')).toBe('text');
    expect(payloadKind('text/plain', 'x/a.txt')).toBe('text');
    expect(payloadKind('application/zip', 'x/a.json')).toBe('binary');
  });

  it('falls back to the extension when the type says nothing', () => {
    expect(payloadKind(null, 'gtfs/2026/11/20/r/page.csv')).toBe('csv');
    expect(payloadKind('application/octet-stream', 'a/b.json')).toBe('json');
    expect(payloadKind('', 'a/b.zip')).toBe('binary');
  });
});

describe('capText', () => {
  it('keeps short text whole', () => {
    expect(capText('abc', 10)).toEqual({ text: 'abc', cut: false, totalChars: 3 });
  });

  it('cuts long text and never splits a surrogate pair', () => {
    expect(capText('abcdef', 4)).toEqual({ text: 'abcd', cut: true, totalChars: 6 });
    expect(capText('abc😀def', 4)).toEqual({ text: 'abc', cut: true, totalChars: 8 });
  });
});

describe('prettyJson', () => {
  it('indents with two spaces', () => {
    expect(prettyJson('{"a":[1,{"b":null}]}')).toEqual({ ok: true, pretty: '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}' });
  });

  it('says why text is not JSON', () => {
    const view = prettyJson('{"a":');
    expect(view.ok).toBe(false);
    expect(!view.ok && view.error.length).toBeGreaterThan(0);
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the exact bytes, in lower-case hex', async () => {
    const bytes = new TextEncoder().encode('time,city\n2026-11-20T07:00:00Z,oslo\n');
    expect(await sha256Hex(bytes.buffer)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256Hex(new ArrayBuffer(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('writes each byte as two digits', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
  });
});
