import { describe, expect, it } from 'vitest';
import { buildSeriesOption, FULL_ZOOM, xSplitNumber } from './seriesChart';
import { toSeriesModel } from './seriesModel';
import { point, response } from './testSeries';

const palette = { series: ['#111', '#222', '#333', '#444', '#555', '#666'], text: '#000', muted: '#777', border: '#ccc', surface: '#fff' };
const ctx = { fromMs: Date.parse('2026-12-01T00:00:00Z'), toMs: Date.parse('2026-12-02T00:00:00Z'), widthPx: 800, palette, zoom: FULL_ZOOM, legendSelected: {}, animation: false };

describe('series chart option', () => {
  const model = toSeriesModel({
    kpis: [
      { info: { id: 'otp', name: 'On-time', unit: '%' }, response: response('otp', '%', [
        { city: 'oslo', points: [point('2026-12-01T00:00:00Z', 90), point('2026-12-01T01:00:00Z', null), point('2026-12-01T02:00:00Z', 85), point('2026-12-01T03:00:00Z', 86)] },
      ]) },
      { info: { id: 'delay', name: 'Delay', unit: 's' }, response: response('delay', 's', [{ city: 'oslo', points: [point('2026-12-01T00:00:00Z', 0)] }]) },
    ],
    cityOrder: ['oslo'],
  });
  const option = buildSeriesOption(model, ctx);
  const series = option.series as { data: unknown[]; yAxisIndex: number; connectNulls: boolean }[];

  it('draws nulls as gaps, never as 0, and a lone point with a dot', () => {
    expect(series[0]!.connectNulls).toBe(false);
    expect(series[0]!.data[1]).toEqual([Date.parse('2026-12-01T01:00:00Z'), null]);
    expect(series[0]!.data[0]).toEqual({ value: [Date.parse('2026-12-01T00:00:00Z'), 90], symbol: 'circle', symbolSize: 6 });
    expect(series[0]!.data[2]).toEqual([Date.parse('2026-12-01T02:00:00Z'), 85]);
    // A real zero stays a zero.
    expect(series[1]!.data[0]).toMatchObject({ value: [Date.parse('2026-12-01T00:00:00Z'), 0] });
  });

  it('puts the second unit on a right axis', () => {
    const axes = option.yAxis as { position: string; name: string }[];
    expect(axes.map((a) => [a.position, a.name])).toEqual([['left', '%'], ['right', 's']]);
    expect(series.map((s) => s.yAxisIndex)).toEqual([0, 1]);
  });

  it('keeps the given zoom and legend selection', () => {
    const zoomed = buildSeriesOption(model, { ...ctx, zoom: { start: 20, end: 60 }, legendSelected: { 'On-time · Oslo': false } });
    expect((zoomed.dataZoom as { start: number; end: number }[]).map((z) => [z.start, z.end])).toEqual([[20, 60], [20, 60]]);
    expect((zoomed.legend as { selected: Record<string, boolean> }).selected).toEqual({ 'On-time · Oslo': false });
  });

  it('spans the requested range and thins the time labels on narrow screens', () => {
    expect(option.xAxis).toMatchObject({ type: 'time', min: ctx.fromMs, max: ctx.toMs });
    expect(xSplitNumber(360)).toBe(3);
    expect(xSplitNumber(5000)).toBe(12);
  });
});
