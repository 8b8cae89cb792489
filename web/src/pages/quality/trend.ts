// The score's trend in words: the mean of the last 7 scored days against the 7 before, and the fitted slope.
import type { Schemas } from '../../app/api';
import { formatFigure } from './qualityModel';

export function trendText(trend: Schemas['QualityTrend']): string {
  if (trend.scoredDays === 0) return 'No day in the range has a score.';
  const parts: string[] = [`${trend.scoredDays} scored ${trend.scoredDays === 1 ? 'day' : 'days'}.`];
  if (trend.last7Mean !== null) parts.push(`Mean score of the last 7 days: ${formatFigure(trend.last7Mean)}`
    + (trend.previous7Mean !== null && trend.change7 !== null
      ? `, ${points(trend.change7)} against the 7 days before (${formatFigure(trend.previous7Mean)}).`
      : '.'));
  if (trend.slopePerDay !== null) parts.push(`Trend: ${points(trend.slopePerDay)} per day.`);
  return parts.join(' ');
}

/** A change of a share in percentage points, signed: `+1.2 points`, `−0.5 points`, `no change`. */
export function points(change: number): string {
  const p = Math.round(change * 1000) / 10;
  if (p === 0) return 'no change';
  return `${p > 0 ? '+' : '−'}${Math.abs(p).toFixed(1)} points`;
}
