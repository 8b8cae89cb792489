#!/usr/bin/env bash
# Benchmarks (not part of the test suite): each prints side-by-side figures measured in one run.
#   bench/run.sh            all benchmarks
#   bench/run.sh budget     rate budget against a metered vendor
#   bench/run.sh host       local host: cold start (JIT vs ReadyToRun) and per-invocation overhead
#   bench/run.sh curation   curation into Azurite: entity group transactions vs one entity per request
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
which="${1:-all}"
if [ "$which" = all ] || [ "$which" = budget ]; then
  dotnet run -c Release --project bench/Tributary.Bench
fi
if [ "$which" = all ] || [ "$which" = host ]; then
  # The harness starts the worker from the function app's own build output, in the same configuration.
  dotnet build functions/Tributary.Functions -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet run -c Release --project bench/Tributary.HostBench -- "${@:2}"
fi
if [ "$which" = all ] || [ "$which" = curation ]; then
  dotnet run -c Release --project bench/Tributary.CurationBench -- "${@:2}"
fi
