// Sparklines as inline SVG: the overview is the page people open first, so it never waits for a chart library.

export interface SparkPoint {
  t: number;
  value: number | null;
}

/** The SVG path of the points scaled into width × height; a null value breaks the line (a gap, never a zero). */
export function sparklinePath(points: SparkPoint[], width: number, height: number, pad = 2): string {
  const valued = points.filter((p) => p.value !== null) as { t: number; value: number }[];
  if (valued.length === 0) return '';
  const t0 = Math.min(...points.map((p) => p.t));
  const t1 = Math.max(...points.map((p) => p.t));
  const v0 = Math.min(...valued.map((p) => p.value));
  const v1 = Math.max(...valued.map((p) => p.value));
  const x = (t: number) => (t1 === t0 ? width / 2 : pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad));
  const y = (v: number) => (v1 === v0 ? height / 2 : height - pad - ((v - v0) / (v1 - v0)) * (height - 2 * pad));
  let path = '';
  let pen = false;
  for (const p of points) {
    if (p.value === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  }
  return path;
}

/** Mean of the valued points whose time lies in [from, to); null when there is none. */
export function meanBetween(points: SparkPoint[], from: number, to: number): number | null {
  const values = points.filter((p) => p.t >= from && p.t < to && p.value !== null).map((p) => p.value as number);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Averages several cities' series into one, bucket by bucket (a bucket with no valued city stays null). */
export function averageSeries(series: SparkPoint[][]): SparkPoint[] {
  const byTime = new Map<number, number[]>();
  for (const points of series) {
    for (const p of points) {
      const values = byTime.get(p.t) ?? [];
      if (p.value !== null) values.push(p.value);
      byTime.set(p.t, values);
    }
  }
  return [...byTime.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, values]) => ({ t, value: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length }));
}
