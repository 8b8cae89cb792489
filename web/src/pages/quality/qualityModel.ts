// The figures the quality page draws and tabulates: the overall score and the six dimensions of each UTC landing day,
// as shares in [0, 1] (null where a dimension could not be computed that day, e.g. volume before a norm exists).
import type { Schemas } from '../../app/api';
import { dayStartMs } from '../../app/dates';

export type QualityDay = Schemas['QualityDay'];

export const DIMENSIONS = ['score', 'completeness', 'uniqueness', 'consistency', 'validity', 'timeliness', 'volume'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  score: 'Overall score',
  completeness: 'Completeness',
  uniqueness: 'Uniqueness',
  consistency: 'Consistency',
  validity: 'Validity',
  timeliness: 'Timeliness',
  volume: 'Volume',
};

export const DIMENSION_HINTS: Record<Dimension, string> = {
  score: 'The day’s overall quality score.',
  completeness: 'Share of expected values that were present.',
  uniqueness: 'Share of observations that were not duplicates.',
  consistency: 'Share of values in the expected unit and shape.',
  validity: 'Share of values inside the allowed range.',
  timeliness: 'How fresh the newest observation was when landed.',
  volume: 'Observations against the source’s recent norm.',
};

export interface DimensionSeries {
  dimension: Dimension;
  name: string;
  /** [day start in ms, share or null] in day order. */
  points: [number, number | null][];
}

/** One series per dimension over the days the API returned, in day order. */
export function toDimensionSeries(days: readonly QualityDay[]): DimensionSeries[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  return DIMENSIONS.map((dimension) => ({
    dimension,
    name: DIMENSION_LABELS[dimension],
    points: sorted.map((d) => [dayStartMs(d.day), d[dimension] ?? null] as [number, number | null]),
  }));
}

/** A share as the page writes it (the table and the tooltip agree): `97.5 %`, or an em dash for no figure. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)} %`;
}
