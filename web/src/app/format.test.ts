import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes, formatDay, formatUtc, formatValue, unitLabel } from './format';

describe('format', () => {
  it('writes UCUM codes for people', () => {
    expect(unitLabel('ug/m3')).toBe('µg/m³');
    expect(unitLabel('ug.h/m3')).toBe('µg·h/m³');
    expect(unitLabel('Cel')).toBe('°C');
    expect(unitLabel('1')).toBe('');
    expect(unitLabel('ng/m3')).toBe('ng/m³');
    expect(unitLabel(undefined)).toBe('');
  });

  it('never shows a missing value as zero', () => {
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(Number.NaN, '%')).toBe('—');
    expect(formatValue(0, '%')).toBe('0 %');
    expect(formatValue(12.345, 'min')).toBe('12.3 min');
    expect(formatValue(1.234, '1')).toBe('1.23');
    expect(formatValue(1234.5, 's')).toBe('1,235 s');
  });

  it('writes instants in UTC whatever the zone', () => {
    expect(formatUtc('2026-12-02T08:30:00+01:00')).toBe('2026-12-02 07:30 UTC');
    expect(formatDay('2026-12-01T23:30:00-01:00')).toBe('2026-12-02');
    expect(formatUtc(null)).toBe('—');
    expect(formatUtc('not a date')).toBe('not a date');
  });

  it('writes ages and sizes', () => {
    expect(formatAge(45)).toBe('45 s');
    expect(formatAge(600)).toBe('10 min');
    expect(formatAge(7200)).toBe('2 h');
    expect(formatAge(3 * 86400)).toBe('3 d');
    expect(formatBytes(2048)).toBe('2.0 KB');
  });
});
