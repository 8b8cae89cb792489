// Live refresh without reloads: a page registers what to re-read and the ticker calls it every LIVE_MS while the tab
// is visible (and once when it becomes visible again). Reads are conditional GETs (see api.ts), so an unchanged
// source costs a 304 and the page keeps its chart, zoom and selection untouched.

export const LIVE_MS = 30_000;

export type Refresh = (signal: AbortSignal) => Promise<void> | void;

export interface LiveTicker {
  /** Registers `refresh`; it runs on every tick until the page is left. */
  every(refresh: Refresh): void;
  dispose(): void;
}

export function startLive(onTick?: (at: Date) => void): LiveTicker {
  const refreshes: Refresh[] = [];
  const controller = new AbortController();
  let running = false;

  const tick = async () => {
    if (running || document.visibilityState !== 'visible' || controller.signal.aborted) return;
    running = true;
    try {
      for (const refresh of refreshes) await refresh(controller.signal);
      onTick?.(new Date());
    } catch {
      // Each page shows its own errors; a failed tick is retried on the next one.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, LIVE_MS);
  const onVisible = () => document.visibilityState === 'visible' && void tick();
  document.addEventListener('visibilitychange', onVisible);

  return {
    every: (refresh) => void refreshes.push(refresh),
    dispose: () => {
      controller.abort();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
