import { describe, expect, it } from 'vitest';
import { explainReason } from './reasons';

describe('explainReason', () => {
  it('explains the known codes in words', () => {
    expect(explainReason('missing_apparent_temperature')).toContain('apparent-temperature');
    expect(explainReason('no_realtime_departures')).toContain('real-time');
  });

  it('shows an unknown code as the API wrote it', () => {
    expect(explainReason('new_reason')).toContain('"new_reason"');
    expect(explainReason(null)).toContain('no reason');
  });
});
