// Time from a filter change to the redrawn chart, as User Timing entries a bench reads with
// performance.getEntriesByName('explore:change-to-rendered'): 'explore:change' is marked when the user changes a
// filter, 'explore:rendered' when ECharts has finished drawing the result, and a measure spans the two.
export const CHANGE_MARK = 'explore:change';
export const RENDERED_MARK = 'explore:rendered';
export const MEASURE = 'explore:change-to-rendered';

let changePending = false;

export function markChange(): void {
  performance.mark(CHANGE_MARK);
  changePending = true;
}

/** After a user-caused redraw: closes the measure of the latest change (a redraw without a change measures nothing). */
export function markRendered(): void {
  if (!changePending) return;
  changePending = false;
  performance.mark(RENDERED_MARK);
  performance.measure(MEASURE, CHANGE_MARK, RENDERED_MARK);
}
