#!/usr/bin/env bash
# Lighthouse (npm) with Debian's Chromium against the built dashboard served by the local host on its embedded
# defaults (./run.sh: Azurite, the vendor replay server, the worker), once the first KPIs are in. Prints the
# category scores and the metrics behind performance, for mobile (Lighthouse's default) and desktop, on the pages in
# PAGES; then the bundle sizes (raw, gzip, Brotli) and the time from a filter change to the redrawn chart
# (bench/redraw.mjs).
#   bench/lighthouse.sh [runs]     (default 3 runs per form factor and page; the median performance run is reported)
#   PAGES="overview explore" bench/lighthouse.sh 1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${1:-3}"
PAGES="${PAGES:-overview explore sources}"
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
url_of() {
  case "$1" in
    overview) echo "http://127.0.0.1:$PORT/" ;;
    explore) echo "http://127.0.0.1:$PORT/#/explore?kpi=thermal_comfort" ;;
    *) echo "http://127.0.0.1:$PORT/#/$1" ;;
  esac
}
for page in $PAGES; do
  for form in mobile desktop; do
    preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
    for i in $(seq 1 "$RUNS"); do
      "$OUT/node_modules/.bin/lighthouse" "$(url_of "$page")" "${preset[@]}" --quiet --output=json --output-path="$OUT/$page-$form-$i.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" --only-categories=performance,accessibility,best-practices,seo
    done
  done
done

node - "$OUT" "$RUNS" "$PAGES" <<'JS'
const fs = require('fs'), path = require('path');
const [dir, runs, pages] = [process.argv[2], Number(process.argv[3]), process.argv[4].split(/\s+/).filter(Boolean)];
const first = JSON.parse(fs.readFileSync(path.join(dir, `${pages[0]}-mobile-1.json`)));
console.log(`Lighthouse ${first.lighthouseVersion}, Chromium, ${runs} run(s) per page and form factor, median performance run:`);
console.log('| page | form | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | speed index ms | transferred KB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const page of pages) {
  for (const form of ['mobile', 'desktop']) {
    const reports = [...Array(runs).keys()].map(i => JSON.parse(fs.readFileSync(path.join(dir, `${page}-${form}-${i + 1}.json`))));
    reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const r = reports[Math.floor(reports.length / 2)];
    const c = k => Math.round(r.categories[k].score * 100);
    const a = k => r.audits[k].numericValue;
    console.log(`| ${page} | ${form} | ${c('performance')} | ${c('accessibility')} | ${c('best-practices')} | ${c('seo')} | ${a('first-contentful-paint').toFixed(0)} | ` +
      `${a('largest-contentful-paint').toFixed(0)} | ${a('total-blocking-time').toFixed(0)} | ${a('cumulative-layout-shift').toFixed(3)} | ` +
      `${a('speed-index').toFixed(0)} | ${(a('total-byte-weight') / 1024).toFixed(0)} |`);
  }
}
JS

# Bundle sizes: what the first paint needs (HTML, the shell's script and CSS) and each lazily loaded chunk.
node - web/dist <<'JS'
const fs = require('fs'), path = require('path');
const dist = process.argv[2];
const size = f => fs.existsSync(f) ? fs.statSync(f).size : NaN;
const kb = n => (n / 1024).toFixed(1);
const files = ['index.html', ...fs.readdirSync(path.join(dist, 'assets')).filter(f => /\.(js|css)$/.test(f)).map(f => `assets/${f}`)];
console.log('\n| file | raw KB | gzip KB | Brotli KB | gzip / raw |');
console.log('|---|---|---|---|---|');
let raw = 0, br = 0;
for (const f of files.sort((a, b) => size(path.join(dist, b)) - size(path.join(dist, a)))) {
  const p = path.join(dist, f), r = size(p), g = size(p + '.gz'), b = size(p + '.br');
  raw += r; br += Number.isNaN(b) ? r : b;
  console.log(`| ${f} | ${kb(r)} | ${Number.isNaN(g) ? '-' : kb(g)} | ${Number.isNaN(b) ? '-' : kb(b)} | ${Number.isNaN(g) ? '-' : (g / r).toFixed(2)} |`);
}
console.log(`| all | ${kb(raw)} | | ${kb(br)} | |`);
JS

echo
node bench/redraw.mjs "http://127.0.0.1:$PORT" "$OUT" "${REDRAW_ROUNDS:-15}"
