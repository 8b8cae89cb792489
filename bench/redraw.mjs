// Time from a filter change to the redrawn chart on Explore, in Debian's Chromium against the running local stack.
// The page itself measures it (User Timing 'explore:change-to-rendered': from the control's change event to the
// moment ECharts finished drawing the new data, see web/src/pages/explore/perf.ts); this script only drives the
// controls and reads the measures.
//   node bench/redraw.mjs <base-url> <puppeteer-core dir> [rounds]
// Each round makes three kinds of change: a city toggled (a new series read), the grain switched (hour <-> day) and
// the range preset switched (last 48 h <-> last 7 days). It prints the median and 95th percentile per kind and their
// ratio to the 100 ms a user still feels as instant.
import { createRequire } from 'node:module';
import path from 'node:path';

const [base, puppeteerDir, roundsArg] = process.argv.slice(2);
if (!base || !puppeteerDir) {
  console.error('usage: node bench/redraw.mjs <base-url> <dir holding node_modules/puppeteer-core> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 15);
const require = createRequire(path.join(path.resolve(puppeteerDir), 'index.js'));
const puppeteer = require('puppeteer-core');

const INSTANT_MS = 100;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.emulateTimezone('UTC');
  await page.goto(`${base}/#/explore?kpi=thermal_comfort&range=last-48h`, { waitUntil: 'load' });
  await waitReady(page);

  const kinds = {
    'city toggled': async (i) => page.click('#explore-city-oslo'),
    'grain switched': async (i) => page.click(i % 2 === 0 ? '#explore-grain-day' : '#explore-grain-hour'),
    'range preset switched': async (i) => page.select('#explore-range', i % 2 === 0 ? 'last-7d' : 'last-48h'),
  };
  const results = {};
  for (const [kind, change] of Object.entries(kinds)) {
    results[kind] = [];
    for (let i = 0; i < rounds; i++) {
      await page.evaluate(() => performance.clearMeasures('explore:change-to-rendered'));
      await change(i);
      const ms = await page.waitForFunction(() => {
        const [m] = performance.getEntriesByName('explore:change-to-rendered');
        return m && document.querySelector("#page-root[data-state='ready']") ? m.duration : false;
      }, { timeout: 30_000 });
      results[kind].push(await ms.jsonValue());
    }
  }

  console.log(`Explore, filter change to redrawn chart (${rounds} changes of each kind, 1280x800, Chromium ${await browser.version()}):`);
  console.log('| change | median ms | p95 ms | median / 100 ms |');
  console.log('|---|---|---|---|');
  for (const [kind, values] of Object.entries(results)) {
    const median = quantile(values, 0.5);
    console.log(`| ${kind} | ${median.toFixed(0)} | ${quantile(values, 0.95).toFixed(0)} | ${(median / INSTANT_MS).toFixed(2)} |`);
  }
} finally {
  await browser.close();
}

async function waitReady(page) {
  await page.waitForSelector("#page-root[data-page='explore'][data-state='ready']", { timeout: 60_000 });
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
