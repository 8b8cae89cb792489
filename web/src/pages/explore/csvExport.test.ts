import { describe, expect, it } from 'vitest';
import { csvComment, csvField, csvFileName, csvLine, exploreCsv } from './csvExport';
import { toSeriesModel } from './seriesModel';
import { point, response } from './testSeries';

describe('csv fields (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvLine(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('keeps a comment line one cell', () => {
    expect(csvComment('cities', 'oslo,bergen\n=1')).toBe('# cities: oslo;bergen =1');
  });
});

describe('explore csv', () => {
  const model = toSeriesModel({
    kpis: [
      { info: { id: 'mean_departure_delay', name: 'Mean delay', unit: 's' }, response: response('mean_departure_delay', 's', [
        { city: 'oslo', points: [point('2026-12-01T00:00:00Z', -3.5), point('2026-12-01T01:00:00Z', null), point('2026-12-01T02:00:00Z', 7, { inputs: 9, coverage: 0.5 })] },
      ]) },
    ],
    cityOrder: ['oslo'],
  });
  const filters = {
    kpis: ['mean_departure_delay'], cities: [], stop: null, grain: 'hour', from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z',
    maxPoints: 2400, zoom: null, exportedAt: new Date('2026-12-02T08:30:00Z'),
  };

  it('writes the filters as comments, then one row per point with nulls empty', () => {
    const csv = exploreCsv({ series: model.series, fromMs: Date.parse(filters.from), toMs: Date.parse(filters.to) }, filters);
    expect(csv.split('\r\n')).toEqual([
      '# kpis: mean_departure_delay',
      '# cities: all',
      '# stop: none',
      '# grain: hour',
      '# from: 2026-12-01T00:00:00.000Z',
      '# to: 2026-12-02T00:00:00.000Z',
      '# maxPoints: 2400',
      '# exported at: 2026-12-02T08:30:00.000Z',
      'time_utc,kpi,city,stop,value,unit,inputs,coverage,reason',
      '2026-12-01T00:00:00.000Z,mean_departure_delay,oslo,,-3.5,s,4,1,',
      '2026-12-01T01:00:00.000Z,mean_departure_delay,oslo,,,s,0,0,no_inputs',
      '2026-12-01T02:00:00.000Z,mean_departure_delay,oslo,,7,s,9,0.5,',
      '',
    ]);
  });

  it('writes only the zoomed window and says so', () => {
    const zoom = { from: '2026-12-01T01:00:00.000Z', to: '2026-12-01T02:00:00.000Z' };
    const csv = exploreCsv({ series: model.series, fromMs: Date.parse(zoom.from), toMs: Date.parse(zoom.to) }, { ...filters, zoom });
    const lines = csv.trim().split('\r\n');
    expect(lines).toContain('# zoomed from: 2026-12-01T01:00:00.000Z');
    expect(lines.filter((l) => !l.startsWith('#')).length).toBe(3);
  });

  it('names the file after the kpis and days', () => {
    expect(csvFileName(['a', 'b c'], '2026-12-01', '2026-12-02')).toBe('tributary-a+b_c-2026-12-01-2026-12-02.csv');
  });
});
