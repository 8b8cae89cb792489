import { describe, expect, it } from 'vitest';
import { buildChartOption, escapeHtml, PALETTE, xSplitNumber, formatTooltip, formatValue, unitLabel } from './chartOption';
import { toChartModel } from './series';
import type { LineSeriesOption } from 'echarts/charts';

const model = toChartModel({
  metric: 'thermal_comfort',
  unit: '1',
  from: '2026-11-21T00:00:00Z',
  to: '2026-11-22T00:00:00Z',
  series: [
    {
      city: 'oslo',
      cityName: 'Oslo <b>',
      points: [
        { t: '2026-11-21T00:00:00Z', value: 0.62, inputs: 1, coverage: 1 },
        { t: '2026-11-21T01:00:00Z', value: null, inputs: 0, coverage: 0 },
        { t: '2026-11-21T02:00:00Z', value: 0.7, inputs: 3, coverage: 0.75 },
        { t: '2026-11-21T03:00:00Z', value: 0.71, inputs: 3, coverage: 1 },
      ],
    },
  ],
});
const ctx = { widthPx: 1000, fromMs: Date.parse('2026-11-21T00:00:00Z'), toMs: Date.parse('2026-11-22T00:00:00Z') };

describe('buildChartOption', () => {
  const option = buildChartOption(model, ctx);
  const series = option.series as LineSeriesOption[];

  it('disables animation and uses UTC', () => {
    expect(option.animation).toBe(false);
    expect(option.useUTC).toBe(true);
  });

  it('draws one line per city with nulls left as gaps', () => {
    expect(series).toHaveLength(1);
    expect(series[0]!.type).toBe('line');
    expect(series[0]!.connectNulls).toBe(false);
    expect(series[0]!.name).toBe('Oslo <b>');
    expect(series[0]!.color).toBe(PALETTE[0]);
  });

  it('marks only isolated points with a symbol', () => {
    const data = series[0]!.data as unknown[];
    expect(data[0]).toEqual({ value: [ctx.fromMs, 0.62], symbol: 'circle', symbolSize: 6 });
    expect(data[1]).toEqual([Date.parse('2026-11-21T01:00:00Z'), null]);
    expect(data[2]).toEqual([Date.parse('2026-11-21T02:00:00Z'), 0.7]);
  });

  it('spans the whole selected range on the time axis', () => {
    expect(option.xAxis).toMatchObject({ type: 'time', min: ctx.fromMs, max: ctx.toMs, splitNumber: 9 });
  });

  it('thins time labels on narrow charts', () => {
    expect(xSplitNumber(320)).toBe(2);
    expect(xSplitNumber(100)).toBe(2);
    expect(xSplitNumber(5000)).toBe(12);
  });
});

describe('formatting', () => {
  it('formats values with units', () => {
    expect(formatValue(0.6234, '1')).toBe('0.623');
    expect(formatValue(null, '1')).toBe('no data');
    expect(formatValue(4.5, 'Cel')).toBe('4.5 °C');
    expect(unitLabel('ug/m3')).toBe('µg/m³');
    expect(unitLabel('kW')).toBe('kW');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('builds an escaped tooltip with coverage and inputs', () => {
    const html = formatTooltip(model, [{ seriesIndex: 0, dataIndex: 2, marker: '*' }]);
    expect(html).toContain('21 Nov 2026, 02:00 UTC');
    expect(html).toContain('*Oslo &lt;b&gt;: <strong>0.7</strong>');
    expect(html).toContain('coverage 75%, 3 inputs');
    const gap = formatTooltip(model, [{ seriesIndex: 0, dataIndex: 1 }]);
    expect(gap).toContain('<strong>no data</strong>');
    expect(gap).not.toContain('coverage');
    expect(formatTooltip(model, [{ seriesIndex: 5, dataIndex: 0 }])).toBe('');
  });
});
