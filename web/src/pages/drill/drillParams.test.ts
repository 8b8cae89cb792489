import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, drillHash, fallbackFor, MAX_LIMIT, nextLimit, parseDrillParams } from './drillParams';
import { parseRoute } from '../../app/route';

const parse = (query: string) => parseDrillParams(new URLSearchParams(query));
const problemsOf = (query: string) => {
  const parsed = parse(query);
  return parsed.ok ? [] : parsed.problems.map((p) => p.parameter);
};

describe('parseDrillParams', () => {
  it('reads a link as Explore writes it', () => {
    const back = '#/explore?kpi=thermal_comfort&city=oslo%2Cbergen&range=last-48h';
    const parsed = parse(new URLSearchParams({ kpi: 'thermal_comfort', bucket: '2026-11-22T06:00:00.000Z', city: 'oslo', grain: 'hour', back }).toString());
    expect(parsed).toEqual({
      ok: true,
      request: { kpi: 'thermal_comfort', bucket: '2026-11-22T06:00:00.000Z', city: 'oslo', grain: 'hour', stop: null, limit: DEFAULT_LIMIT, back, backParam: back, backRefused: false },
    });
  });

  it('writes one spelling of a bucket whatever the zone was written as', () => {
    for (const bucket of ['2026-11-22T06:00:00Z', '2026-11-22T06:00Z', '2026-11-22T07:00:00+01:00', '2026-11-22T06:00:00.0000000+00:00']) {
      const parsed = parse(`kpi=k&city=oslo&bucket=${encodeURIComponent(bucket)}`);
      expect(parsed.ok && parsed.request.bucket).toBe('2026-11-22T06:00:00.000Z');
    }
  });

  it('defaults the grain to hour and reads day, a stop place and a limit', () => {
    const parsed = parse('kpi=on_time_performance&city=oslo&bucket=2026-11-22T00:00:00Z&grain=day&stop=NSR:StopPlace:58366&limit=700');
    expect(parsed.ok && [parsed.request.grain, parsed.request.stop, parsed.request.limit]).toEqual(['day', 'NSR:StopPlace:58366', 700]);
    const hour = parse('kpi=k&city=oslo&bucket=2026-11-22T05:00:00Z');
    expect(hour.ok && hour.request.grain).toBe('hour');
  });

  it('names every missing parameter', () => {
    const parsed = parse('');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.map((p) => p.parameter)).toEqual(['kpi', 'city', 'bucket']);
      expect(parsed.problems[0]?.message).toContain('parameter kpi');
      expect(parsed.problems[2]?.message).toContain('parameter bucket');
    }
  });

  it.each([
    ['kpi=Thermal Comfort&city=oslo&bucket=2026-11-22T06:00:00Z', 'kpi'],
    ['kpi=k&city=<b>&bucket=2026-11-22T06:00:00Z', 'city'],
    ['kpi=k&city=oslo&bucket=yesterday', 'bucket'],
    ['kpi=k&city=oslo&bucket=2026-11-22T06:00:00', 'bucket'], // no zone: a different bucket on every machine
    ['kpi=k&city=oslo&bucket=2026-02-30T06:00:00Z', 'bucket'],
    ['kpi=k&city=oslo&bucket=2026-11-22T06:30:00Z', 'bucket'], // not the start of an hour
    ['kpi=k&city=oslo&bucket=2026-11-22T06:00:00Z&grain=day', 'bucket'], // not midnight
    ['kpi=k&city=oslo&bucket=2026-11-22T00:00:00Z&grain=week', 'grain'],
    ['kpi=k&city=oslo&bucket=2026-11-22T00:00:00Z&stop=a b', 'stop'],
    ['kpi=k&city=oslo&bucket=2026-11-22T00:00:00Z&limit=0', 'limit'],
    [`kpi=k&city=oslo&bucket=2026-11-22T00:00:00Z&limit=${MAX_LIMIT + 1}`, 'limit'],
    ['kpi=k&city=oslo&bucket=2026-11-22T00:00:00Z&limit=1e3', 'limit'],
  ])('%s is wrong in %s', (query, parameter) => {
    expect(problemsOf(query)).toEqual([parameter]);
  });

  it('shows a long hostile value shortened', () => {
    const parsed = parse(`kpi=${'x'.repeat(500)}!&city=oslo&bucket=2026-11-22T00:00:00Z`);
    expect(!parsed.ok && parsed.problems[0]?.message.length).toBeLessThan(200);
  });

  it('does not follow a hostile back, and falls back to Explore for the KPI, city and grain', () => {
    const parsed = parse('kpi=thermal_comfort&city=oslo&bucket=2026-11-22T00:00:00Z&grain=day&back=javascript:alert(1)');
    expect(parsed.ok && parsed.request).toMatchObject({ back: '#/explore?kpi=thermal_comfort&city=oslo&grain=day', backParam: null, backRefused: true });
    const none = parse('kpi=thermal_comfort&city=oslo&bucket=2026-11-22T00:00:00Z');
    expect(none.ok && none.request).toMatchObject({ back: '#/explore?kpi=thermal_comfort&city=oslo&grain=hour', backRefused: false });
  });
});

describe('drillHash', () => {
  it('round-trips through the router with back kept exactly', () => {
    const back = '#/explore?kpi=thermal_comfort%2Con_time_performance&city=oslo&from=2026-11-20&to=2026-11-22&chart=heatmap';
    const parsed = parse(new URLSearchParams({ kpi: 'thermal_comfort', bucket: '2026-11-22T06:00:00Z', city: 'oslo', grain: 'hour', back, limit: '700' }).toString());
    if (!parsed.ok) throw new Error('not parsed');
    const hash = drillHash(parsed.request);
    const route = parseRoute(hash);
    expect(route.page).toBe('drill');
    expect(route.params.get('back')).toBe(back);
    const again = parseDrillParams(route.params);
    expect(again).toEqual(parsed);
  });

  it('drops a refused back and the default limit', () => {
    const parsed = parse('kpi=k&city=oslo&bucket=2026-11-22T00:00:00Z&back=javascript:alert(1)');
    if (!parsed.ok) throw new Error('not parsed');
    expect(drillHash(parsed.request)).toBe('#/drill?kpi=k&bucket=2026-11-22T00%3A00%3A00.000Z&city=oslo&grain=hour');
  });
});

describe('fallbackFor', () => {
  it('keeps what a broken link still names well', () => {
    expect(fallbackFor(new URLSearchParams('kpi=thermal_comfort&city=<x>&grain=day'))).toBe('#/explore?kpi=thermal_comfort&grain=day');
    expect(fallbackFor(new URLSearchParams('back=%23%2Fsources'))).toBe('#/sources');
  });
});

describe('nextLimit', () => {
  it('grows towards what the API lists at most, then stops', () => {
    expect(nextLimit(DEFAULT_LIMIT)).toBe(DEFAULT_LIMIT + 500);
    expect(nextLimit(1900)).toBe(MAX_LIMIT);
    expect(nextLimit(MAX_LIMIT)).toBeNull();
  });
});
