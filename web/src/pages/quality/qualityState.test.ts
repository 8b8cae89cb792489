import { describe, expect, it } from 'vitest';
import { checkQualityRange, parseQualityState, qualityDays, qualityParams } from './qualityState';

const sources = ['open-meteo', 'city-counters'];

describe('quality state', () => {
  it('defaults to the first source and the last 30 days', () => {
    const { state, problems } = parseQualityState(new URLSearchParams(), sources);
    expect(state).toEqual({ source: 'open-meteo', range: { preset: 'last-30d' }, day: null });
    expect(problems).toEqual([]);
  });

  it('round-trips through the URL', () => {
    const state = { source: 'city-counters', range: { from: '2026-11-01', to: '2026-11-30' }, day: '2026-11-22' };
    expect(parseQualityState(qualityParams(state), sources).state).toEqual(state);
    const preset = { source: 'open-meteo', range: { preset: 'last-7d' as const }, day: null };
    expect(parseQualityState(qualityParams(preset), sources).state).toEqual(preset);
  });

  it('says what it ignored in a bad link', () => {
    const { state, problems } = parseQualityState(new URLSearchParams('source=nope&from=2026-11-30&to=2026-11-01&day=x'), sources);
    expect(state).toEqual({ source: 'open-meteo', range: { preset: 'last-30d' }, day: null });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('"nope"');
  });

  it('resolves presets to whole UTC days ending today', () => {
    expect(qualityDays({ preset: 'last-7d' }, new Date('2026-12-02T23:59:00Z'))).toEqual({ from: '2026-11-26', to: '2026-12-02' });
  });

  it('checks typed ranges and names the field at fault', () => {
    expect(checkQualityRange('2026-11-01', '2026-11-30')).toEqual({ ok: true, range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(checkQualityRange('2026-02-30', '2026-03-01')).toMatchObject({ ok: false, field: 'from' });
    expect(checkQualityRange('2026-11-30', '2026-11-01', 'from')).toMatchObject({ ok: false, field: 'from' });
    expect(checkQualityRange('2025-01-01', '2026-11-01')).toMatchObject({ ok: false, field: 'to' });
  });
});
