import { describe, expect, it } from 'vitest';
import { describeChart, describeOutcome, formatCities, formatRange, formatUpdated } from './status';
import { pivotTable } from './table';
import { toChartModel } from './series';

describe('status wording', () => {
  it('describes outcomes in plain words', () => {
    expect(describeOutcome({ kind: 'ready', pointCount: 1440, seriesCount: 2 })).toBe('Showing 1,440 points in 2 series.');
    expect(describeOutcome({ kind: 'ready', pointCount: 1, seriesCount: 1 })).toBe('Showing 1 point in 1 series.');
    expect(describeOutcome({ kind: 'empty', reason: 'no-cities' })).toMatch(/Choose at least one city/);
    expect(describeOutcome({ kind: 'error', message: 'Could not reach the server.', background: false })).toBe(
      'Could not reach the server.',
    );
    expect(describeOutcome({ kind: 'error', message: 'Could not reach the server.', background: true })).toMatch(
      /^Could not refresh\. Could not reach the server\. The chart shows the last data received\.$/,
    );
  });

  it('formats times, ranges and city lists', () => {
    expect(formatUpdated(new Date('2026-11-22T09:05:03Z'))).toBe('Updated 09:05:03 UTC');
    expect(formatRange({ from: '2026-11-21', to: '2026-11-23' })).toBe('21 Nov 2026 to 23 Nov 2026');
    expect(formatRange({ from: '2026-11-21', to: '2026-11-21' })).toBe('21 Nov 2026');
    expect(formatCities(['Oslo'], false)).toBe('Oslo');
    expect(formatCities(['Oslo', 'Bergen', 'Trondheim'], false)).toBe('Oslo, Bergen and Trondheim');
    expect(formatCities(['Oslo', 'Bergen'], true)).toBe('all 2 cities');
  });

  it('names the chart for assistive technology', () => {
    expect(
      describeChart('Thermal comfort factor', 'Oslo', { from: '2026-11-21', to: '2026-11-21' }, {
        kind: 'ready',
        pointCount: 24,
        seriesCount: 1,
      }),
    ).toBe('Line chart of Thermal comfort factor for Oslo, 21 Nov 2026 (UTC): 24 points. The data is also available as a table below.');
  });
});

describe('pivotTable', () => {
  it('puts one row per time and one column per city, with gaps as null', () => {
    const model = toChartModel({
      metric: 'm',
      unit: '1',
      from: '',
      to: '',
      series: [
        { city: 'oslo', cityName: 'Oslo', points: [{ t: '2026-11-21T01:00:00Z', value: 1 }] },
        {
          city: 'bergen',
          cityName: 'Bergen',
          points: [
            { t: '2026-11-21T00:00:00Z', value: 2 },
            { t: '2026-11-21T01:00:00Z', value: null },
          ],
        },
      ],
    });
    expect(pivotTable(model)).toEqual({
      columns: ['Oslo', 'Bergen'],
      rows: [
        { t: Date.parse('2026-11-21T00:00:00Z'), values: [null, 2] },
        { t: Date.parse('2026-11-21T01:00:00Z'), values: [1, null] },
      ],
    });
  });
});
