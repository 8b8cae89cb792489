#!/usr/bin/env bash
# Benchmarks (not part of the test suite): prints side-by-side ratios measured in one run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet run -c Release --project bench/Tributary.Bench
