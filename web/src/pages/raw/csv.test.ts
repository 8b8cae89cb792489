import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('splits fields and records, CRLF or LF, with no record for the last line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual({ records: [['a', 'b'], ['1', '2']], total: 2, unterminatedQuote: false });
    expect(parseCsv('a,b\n1,2').records).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r1,2\r').records).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    const text = 'name,note\r\n"Oslo, S","said ""hi""\r\nthen left"\r\n"",x\r\n';
    expect(parseCsv(text).records).toEqual([['name', 'note'], ['Oslo, S', 'said "hi"\r\nthen left'], ['', 'x']]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parseCsv('a,,c,\n,\n').records).toEqual([['a', '', 'c', ''], ['', '']]);
  });

  it('skips blank lines between records', () => {
    expect(parseCsv('a\n\n\nb\n').records).toEqual([['a'], ['b']]);
  });

  it('keeps a quote inside an unquoted field as a character, and text after a closing quote', () => {
    expect(parseCsv('5"7,x\n"a"b,c').records).toEqual([['5"7', 'x'], ['ab', 'c']]);
  });

  it('says when the text ends inside a quoted field, and keeps what it has', () => {
    expect(parseCsv('a,"b\nc')).toEqual({ records: [['a', 'b\nc']], total: 1, unterminatedQuote: true });
  });

  it('drops a byte order mark before the header', () => {
    expect(parseCsv('\ufefftime,city\n').records).toEqual([['time', 'city']]);
  });

  it('keeps the first records and counts the rest', () => {
    const rows = ['h1,h2', ...Array.from({ length: 2000 }, (_, i) => `${i},"q,${i}"`)];
    const table = parseCsv(rows.join('\r\n'), 501);
    expect(table.total).toBe(2001);
    expect(table.records).toHaveLength(501);
    expect(table.records[500]).toEqual(['499', 'q,499']);
  });

  it('counts records whose quoted fields hold line breaks once', () => {
    const table = parseCsv('h\n"a\nb"\n"c\r\nd"\n', 1);
    expect([table.records, table.total]).toEqual([[['h']], 3]);
  });

  it('reads nothing from empty text', () => {
    expect(parseCsv('')).toEqual({ records: [], total: 0, unterminatedQuote: false });
  });
});
