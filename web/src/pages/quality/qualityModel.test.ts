import { describe, expect, it } from 'vitest';
import { qualityOption } from './qualityChart';
import { DIMENSIONS, formatFigure, toDimensionSeries, type QualityDay } from './qualityModel';

function day(d: string, score: number | null, volume: number | null = null): QualityDay {
  return {
    day: d, score, completeness: 1, uniqueness: 0.98, consistency: 1, validity: 0.9, timeliness: 1, volume,
    pages: 2, failedPages: 0, observations: 10, missing: 0, outOfRange: 1, rejected: 0, duplicates: 0,
    unitMismatches: 0, invalid: 0, outliers: 0, driftChanges: 0, newestUtc: null, ageSeconds: null,
  };
}

const palette = { series: ['#1', '#2', '#3', '#4', '#5', '#6'], text: '#t', muted: '#m', border: '#b', surface: '#s' };

describe('quality model', () => {
  it('makes one series per dimension in day order, keeping missing figures as gaps', () => {
    const series = toDimensionSeries([day('2026-11-22', 0.9), day('2026-11-21', 0.8, 0.5)]);
    expect(series.map((s) => s.dimension)).toEqual([...DIMENSIONS]);
    expect(series[0]!.points).toEqual([[Date.UTC(2026, 10, 21), 0.8], [Date.UTC(2026, 10, 22), 0.9]]);
    expect(series.find((s) => s.dimension === 'volume')!.points.map((p) => p[1])).toEqual([0.5, null]);
  });

  it('formats shares as the table shows them', () => {
    expect(formatFigure(0.9756)).toBe('97.6 %');
    expect(formatFigure(null)).toBe('—');
  });

  it('draws percent values over the whole range with the score in the text colour', () => {
    const option = qualityOption(toDimensionSeries([day('2026-11-22', 0.9123)]), { from: '2026-11-01', to: '2026-11-30' }, palette, false, false) as {
      color: string[]; xAxis: { min: number; max: number }; series: { data: [number, number | null][] }[];
    };
    expect(option.color.slice(0, 3)).toEqual(['#t', '#1', '#2']);
    expect(option.xAxis.min).toBe(Date.UTC(2026, 10, 1) - 43_200_000);
    expect(option.xAxis.max).toBe(Date.UTC(2026, 10, 30) + 43_200_000);
    expect(option.series[0]!.data).toEqual([[Date.UTC(2026, 10, 22), 91.2]]);
    expect(option.series).toHaveLength(7);
  });
});
