#!/usr/bin/env bash
# Benchmarks (not part of the test suite): each prints side-by-side figures measured in one run.
#   bench/run.sh            all benchmarks
#   bench/run.sh budget     rate budget against a metered vendor
#   bench/run.sh host       local host: cold start (JIT vs ReadyToRun) and per-invocation overhead
#   bench/run.sh curation   curation into Azurite: entity group transactions vs one entity per request
#   bench/run.sh api        wrk on loopback: a 3-day series of every city from the API vs the same bytes as a static file
# Lighthouse against the dashboard (Debian's Chromium, the stack of ./run.sh): bench/lighthouse.sh [runs]
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
if [ "$which" = all ] || [ "$which" = api ]; then
  if ! command -v wrk >/dev/null; then
    SUDO=(); [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
    "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
  dotnet build functions/Tributary.Functions -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet run -c Release --project bench/Tributary.ApiBench -- "${@:2}"
fi
