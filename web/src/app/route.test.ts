import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('route', () => {
  it('parses page, segments and parameters', () => {
    const r = parseRoute('#/sources/open-meteo?tab=runs&x=a%20b');
    expect(r.page).toBe('sources');
    expect(r.segments).toEqual(['open-meteo']);
    expect(r.params.get('tab')).toBe('runs');
    expect(r.params.get('x')).toBe('a b');
  });

  it('defaults to the overview', () => {
    expect(parseRoute('').page).toBe('overview');
    expect(parseRoute('#/').page).toBe('overview');
  });

  it('keeps a malformed escape as typed', () => {
    expect(parseRoute('#/raw/%E0%A4%A').segments).toEqual(['%E0%A4%A']);
  });

  it('round-trips and leaves out empty values', () => {
    const hash = formatRoute('explore', { kpi: 'on_time,mean_delay', city: '', grain: 'day' });
    expect(hash).toBe('#/explore?kpi=on_time%2Cmean_delay&grain=day');
    const back = parseRoute(hash);
    expect(back.params.get('kpi')).toBe('on_time,mean_delay');
    expect(formatRoute('v', undefined, ['abc/def'])).toBe('#/v/abc%2Fdef');
  });
});
