#!/usr/bin/env bash
# Runs all of Tributary locally on its embedded defaults: Azurite (storage), the vendor replay server (no accounts,
# no keys, no internet), the function app under the local Functions host, and the dashboard at http://localhost:7071.
# Installs what it needs on first use (npm packages, Azurite, the dashboard build). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PORT="${TRIBUTARY_PORT:-7071}"
REPLAY_PORT="${TRIBUTARY_REPLAY_PORT:-7080}"
STATE=.local
mkdir -p "$STATE/logs"

need() { command -v "$1" >/dev/null || { echo "run.sh: '$1' is required but not installed ($2)." >&2; exit 1; }; }
need dotnet "the .NET 10 SDK"
need node "Node.js 20 or later"
need npm "npm, which comes with Node.js"

echo "==> Installing tools and building (first run takes a few minutes)"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
[ -d web/node_modules ] || npm ci --prefix web --no-audit --no-fund --loglevel=error
npm run --prefix web build --silent
for project in shared/Tributary.Replay functions/Tributary.Functions functions/Tributary.LocalHost; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
done

# Admin routes (backfill, /admin/functions/{name}) need the master key, locally as in Azure. It is made once per
# checkout and kept out of git in .local/; set LocalHost__MasterKey yourself to use another.
if [ -z "${LocalHost__MasterKey:-}" ]; then
  [ -s "$STATE/master.key" ] || (umask 077; od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$STATE/master.key")
  export LocalHost__MasterKey="$(cat "$STATE/master.key")"
fi
# The worker's admin gate (admin operations are anonymous to the host) opens them with the same key.
export Admin__Keys="${Admin__Keys:-$LocalHost__MasterKey}"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if listening 10000; then
  echo "==> Using the Azurite (or storage emulator) already listening on 10000-10002"
else
  echo "==> Starting Azurite (data kept in $STATE/azurite)"
  # --disableTelemetry also makes Azurite honour SIGTERM.
  node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --loose \
    --location "$STATE/azurite" >"$STATE/logs/azurite.log" 2>&1 &
  pids+=($!)
fi

echo "==> Starting the vendor replay server on http://127.0.0.1:$REPLAY_PORT"
dotnet shared/Tributary.Replay/bin/Release/net10.0/Tributary.Replay.dll --urls "http://127.0.0.1:$REPLAY_PORT" \
  >"$STATE/logs/replay.log" 2>&1 &
pids+=($!)

for port in 10000 10001 10002 "$REPLAY_PORT"; do
  for _ in $(seq 1 100); do listening "$port" && break; sleep 0.2; done
  listening "$port" || { echo "run.sh: nothing answers on port $port; see $STATE/logs/" >&2; exit 1; }
done

echo "==> Starting the isolated worker under the local Functions host: dashboard at http://localhost:$PORT"
echo "    admin key (x-functions-key): in $STATE/master.key, or \$LocalHost__MasterKey"
# Every source points at the replay server unless the caller's environment says otherwise.
for section in OpenMeteo OpenMeteoAirQuality EnturJourneyPlanner EnturPartner EnturGtfs OpenAq; do
  setting="Sources__${section}__BaseUrl"
  export "$setting=${!setting:-http://127.0.0.1:$REPLAY_PORT}"
done
dotnet functions/Tributary.LocalHost/bin/Release/net10.0/Tributary.LocalHost.dll \
  --app-root functions/Tributary.Functions/bin/Release/net10.0 \
  --web-root web/dist --port "$PORT" --run-on-startup &
pids+=($!)
wait "${pids[-1]}"
