import { describe, expect, it } from 'vitest';
import { buildHeatmapModel, buildHeatmapOption } from './heatmap';
import { toSeriesModel } from './seriesModel';
import { point, response } from './testSeries';

const kpi = { id: 'tc', name: 'Thermal comfort', unit: '1' };
const model = toSeriesModel({
  kpis: [{ info: kpi, response: response('tc', '1', [
    { city: 'oslo', points: [point('2026-12-01T00:00:00Z', 1), point('2026-12-01T01:00:00Z', null), point('2026-12-02T00:00:00Z', 3)] },
    { city: 'bergen', points: [point('2026-12-01T00:00:00Z', 2)] },
  ]) }],
  cityOrder: ['oslo', 'bergen'],
});
const range = { fromMs: Date.parse('2026-12-01T00:00:00Z'), toMs: Date.parse('2026-12-03T00:00:00Z') };

describe('hour-day heatmap', () => {
  it('averages the cities when none was chosen, and is then not drillable', () => {
    const h = buildHeatmapModel({ kind: 'hour-day', kpi, series: model.series, chosenCities: [], ...range });
    expect(h.xLabels).toEqual(['2026-12-01', '2026-12-02']);
    expect(h.yLabels).toHaveLength(24);
    expect(h.cells).toHaveLength(48);
    expect(h.cells.find((c) => c.x === 0 && c.y === 0)).toMatchObject({ value: 1.5, samples: 2, bucket: null });
    expect(h.cells.find((c) => c.x === 0 && c.y === 1)!.value).toBeNull();
    expect(h.source).toBe('the 2 cities averaged');
    expect(h.drillable).toBe(false);
  });

  it('shows the first chosen city with concrete buckets', () => {
    const h = buildHeatmapModel({ kind: 'hour-day', kpi, series: model.series, chosenCities: ['oslo', 'bergen'], ...range });
    expect(h.source).toBe('Oslo (the first selected city)');
    expect(h.cells.find((c) => c.x === 1 && c.y === 0)).toMatchObject({ value: 3, bucket: '2026-12-02T00:00:00Z', city: 'oslo' });
    expect(h.drillable).toBe(true);
  });

  it('leaves empty cells out of the chart, never painting them as 0', () => {
    const h = buildHeatmapModel({ kind: 'hour-day', kpi, series: model.series, chosenCities: ['oslo'], ...range });
    const option = buildHeatmapOption(h, { palette: { series: ['a', 'b', 'c', 'd', 'e', 'f'], text: '', muted: '', border: '', surface: '' }, animation: false, widthPx: 800 });
    expect((option.series as { data: number[][] }[])[0]!.data).toEqual([[0, 0, 1], [1, 0, 3]]);
  });
});

describe('city-hour heatmap', () => {
  it('has a row per city and the mean per hour of day', () => {
    const h = buildHeatmapModel({ kind: 'city-hour', kpi, series: model.series, chosenCities: [], ...range });
    expect(h.yLabels).toEqual(['Oslo', 'Bergen']);
    expect(h.cells.find((c) => c.y === 0 && c.x === 0)).toMatchObject({ value: 2, samples: 2 });
    expect(h.cells.find((c) => c.y === 0 && c.x === 1)!.value).toBeNull();
  });
});
