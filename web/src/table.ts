import type { ChartModel } from './series';

export interface DataTable {
  columns: string[];
  rows: { t: number; values: (number | null)[] }[];
}

/** One row per time (union over all series, ascending), one column per series; missing = null. */
export function pivotTable(model: ChartModel): DataTable {
  const byTime = new Map<number, (number | null)[]>();
  model.series.forEach((s, col) => {
    for (const [t, v] of s.data) {
      let row = byTime.get(t);
      if (!row) {
        row = new Array<number | null>(model.series.length).fill(null);
        byTime.set(t, row);
      }
      row[col] = v;
    }
  });
  const rows = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, values]) => ({ t, values }));
  return { columns: model.series.map((s) => s.name), rows };
}
