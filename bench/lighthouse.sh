#!/usr/bin/env bash
# Lighthouse (npm) with Debian's Chromium against the built dashboard served by the local host on its embedded
# defaults (./run.sh: Azurite, the vendor replay server, the worker), once the first KPIs are in. Prints the
# category scores and the metrics behind performance, for mobile (Lighthouse's default) and desktop.
#   bench/lighthouse.sh [runs]     (default 3 runs per form factor; the median performance run is reported)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${1:-3}"
PORT="${TRIBUTARY_BENCH_PORT:-7171}"
REPLAY_PORT="${TRIBUTARY_BENCH_REPLAY_PORT:-7181}"
OUT=bench/.lighthouse
mkdir -p "$OUT"

if [ ! -x /usr/bin/chromium ]; then
  SUDO=(); [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# Lighthouse is a benchmark tool, not a test dependency: installed here, on first use, outside the lock files.
[ -x "$OUT/node_modules/.bin/lighthouse" ] || npm install --prefix "$OUT" --no-save --no-audit --no-fund --loglevel=error lighthouse@13.5.0 >/dev/null

TRIBUTARY_PORT="$PORT" TRIBUTARY_REPLAY_PORT="$REPLAY_PORT" ./run.sh >"$OUT/run.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true' EXIT
# Ready when the dashboard's own first call has data: an hourly thermal-comfort point for some city.
for _ in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/api/kpis?metric=thermal_comfort" 2>/dev/null | grep -q '"value":[0-9]'; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/api/kpis?metric=thermal_comfort" | grep -q '"value":[0-9]' || { echo "lighthouse.sh: no KPI data after 240 s; see $OUT/run.log" >&2; exit 1; }

export CHROME_PATH=/usr/bin/chromium
for form in mobile desktop; do
  preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
  for i in $(seq 1 "$RUNS"); do
    "$OUT/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/" "${preset[@]}" --quiet --output=json --output-path="$OUT/$form-$i.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" --only-categories=performance,accessibility,best-practices,seo
  done
done

node - "$OUT" "$RUNS" <<'JS'
const fs = require('fs'), path = require('path');
const [dir, runs] = [process.argv[2], Number(process.argv[3])];
console.log(`Lighthouse ${JSON.parse(fs.readFileSync(path.join(dir, 'mobile-1.json'))).lighthouseVersion}, Chromium, ${runs} run(s) per form factor, median performance run:`);
console.log('| form | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | speed index ms | transferred KB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const form of ['mobile', 'desktop']) {
  const reports = [...Array(runs).keys()].map(i => JSON.parse(fs.readFileSync(path.join(dir, `${form}-${i + 1}.json`))));
  reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  const r = reports[Math.floor(reports.length / 2)];
  const c = k => Math.round(r.categories[k].score * 100);
  const a = k => r.audits[k].numericValue;
  console.log(`| ${form} | ${c('performance')} | ${c('accessibility')} | ${c('best-practices')} | ${c('seo')} | ${a('first-contentful-paint').toFixed(0)} | ` +
    `${a('largest-contentful-paint').toFixed(0)} | ${a('total-blocking-time').toFixed(0)} | ${a('cumulative-layout-shift').toFixed(3)} | ` +
    `${a('speed-index').toFixed(0)} | ${(a('total-byte-weight') / 1024).toFixed(0)} |`);
}
JS
