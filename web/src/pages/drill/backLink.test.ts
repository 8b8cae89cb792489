import { describe, expect, it } from 'vitest';
import { backHashOr, backLabel, fallbackExploreHash, MAX_BACK_LENGTH, safeBackHash } from './backLink';

describe('safeBackHash', () => {
  it('accepts an in-app hash exactly as given', () => {
    const hash = '#/explore?kpi=thermal_comfort%2Con_time_performance&city=oslo&range=last-48h';
    expect(safeBackHash(hash)).toBe(hash);
    expect(safeBackHash('#/drill?kpi=x&back=%23%2Fexplore')).toBe('#/drill?kpi=x&back=%23%2Fexplore');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    [' #/explore'],
    ['https://evil.example/#/explore'],
    ['//evil.example'],
    ['#//evil.example'],
    ['#/'],
    ['#explore'],
    ['/explore'],
    ['#/explore\\..'],
    ['#/explore\nx'],
    ['#/explore x'],
    ['#/\u0000explore'],
    ['data:text/html,<script>alert(1)</script>'],
  ])('refuses %j', (value) => {
    expect(safeBackHash(value)).toBeNull();
  });

  it('refuses nothing at all and an overlong value', () => {
    expect(safeBackHash(null)).toBeNull();
    expect(safeBackHash(undefined)).toBeNull();
    expect(safeBackHash('')).toBeNull();
    expect(safeBackHash(`#/explore?x=${'a'.repeat(MAX_BACK_LENGTH)}`)).toBeNull();
  });
});

describe('fallbackExploreHash', () => {
  it('is Explore for the drilled KPI, city and grain', () => {
    expect(fallbackExploreHash({ kpi: 'thermal_comfort', city: 'oslo', grain: 'day' })).toBe('#/explore?kpi=thermal_comfort&city=oslo&grain=day');
  });

  it('leaves out what is unknown or not a grain', () => {
    expect(fallbackExploreHash({ kpi: null, city: 'bergen', grain: 'week' })).toBe('#/explore?city=bergen');
    expect(fallbackExploreHash({})).toBe('#/explore');
  });

  it('keeps the stop place', () => {
    expect(fallbackExploreHash({ kpi: 'on_time_performance', city: 'oslo', grain: 'hour', stop: 'NSR:StopPlace:58366' })).toBe(
      '#/explore?kpi=on_time_performance&city=oslo&stop=NSR%3AStopPlace%3A58366&grain=hour',
    );
  });
});

describe('backHashOr', () => {
  it('uses the fallback for a hostile value', () => {
    expect(backHashOr('javascript:alert(1)', '#/explore')).toBe('#/explore');
    expect(backHashOr('#/sources', '#/explore')).toBe('#/sources');
  });
});

describe('backLabel', () => {
  it('names the page the link returns to', () => {
    expect(backLabel('#/explore?kpi=x')).toBe('Back to Explore');
    expect(backLabel('#/drill?kpi=x')).toBe('Back to the drill-down');
    expect(backLabel('#/v/abc')).toBe('Back to the saved view');
    expect(backLabel('#/nowhere')).toBe('Back to the previous page');
  });
});
