#!/usr/bin/env bash
# Runs every test of Tributary on real parts (Azurite, Kestrel, Chromium, the Bicep CLI) and ends with the line
# "N passed, N failed" counted from the test results. Installs what the tests need on a fresh machine.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RESULTS=TestResults
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

echo "==> Installing test dependencies"
if [ ! -x /usr/bin/chromium ]; then
  # As root there is no sudo (and none is needed); `env` sets the variable for apt-get whichever way it runs.
  SUDO=(); [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || { echo "test.sh: could not install Debian's chromium (apt-get install chromium)" >&2; exit 1; }
fi
npm ci --no-audit --no-fund --loglevel=error || exit 1
npm ci --prefix web --no-audit --no-fund --loglevel=error || exit 1
npm run --prefix web build --silent || exit 1

echo "==> Dashboard unit tests (vitest)"
npm run --prefix web test --silent -- --reporter=default --reporter=json --outputFile="$PWD/$RESULTS/vitest.json"
web_status=$?

echo "==> .NET tests"
dotnet test Tributary.slnx --nologo --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS"
dotnet_status=$?

# Count from the result files, never from exit codes alone.
test_projects=$(grep -l 'Include="Microsoft.NET.Test.Sdk"' tests/*/*.csproj | wc -l)
node - "$RESULTS" "$test_projects" <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
let passed = 0, failed = 0, files = 0;
const failures = [];
for (const f of fs.readdirSync(dir)) {
  const p = path.join(dir, f);
  if (f.endsWith('.trx')) {
    const m = fs.readFileSync(p, 'utf8').match(/<Counters\b[^>]*>/);
    if (!m) continue;
    const n = k => Number((m[0].match(new RegExp(`\\b${k}="(\\d+)"`)) || [0, 0])[1]);
    passed += n('passed'); failed += n('failed') + n('error') + n('timeout') + n('aborted'); files++;
    // Name each failure (and the start of its message) next to the closing line, where a truncated log still shows it.
    for (const r of fs.readFileSync(p, 'utf8').matchAll(/<UnitTestResult\b[^>]*\btestName="([^"]*)"[^>]*\boutcome="(Failed|Error|Timeout|Aborted)"[^>]*>([\s\S]*?)<\/UnitTestResult>/g)) {
      const message = (r[3].match(/<Message>([\s\S]*?)<\/Message>/) || [, ''])[1].replace(/\s+/g, ' ').slice(0, 400);
      failures.push(`FAILED ${r[1]}: ${message}`);
    }
  } else if (f === 'vitest.json') {
    const r = JSON.parse(fs.readFileSync(p, 'utf8'));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTests || 0); files++;
  }
}
// A test project whose host crashed writes no TRX: count it as a failure, never as nothing.
const expected = Number(process.argv[3]);
const trx = fs.readdirSync(dir).filter(f => f.endsWith('.trx')).length;
if (trx < expected) { console.error(`test.sh: ${expected - trx} of ${expected} test projects wrote no results`); failed += expected - trx; }
if (files === 0) failed += 1;
for (const f of failures) console.log(f);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
JS
count_status=$?
[ $web_status -eq 0 ] && [ $dotnet_status -eq 0 ] && [ $count_status -eq 0 ]
