#!/usr/bin/env bash
# Refreshes every visual-regression baseline (tests/Tributary.Browser.Tests/Baselines/*.png) from this machine's
# Chromium, then lists which baseline files changed, to look at and commit:
#
#   tests/update-baselines.sh
#
# It builds the dashboard (the browser tests serve web/dist), then runs only the tests marked
# [Trait("Category", "Visual")] with TRIBUTARY_UPDATE_BASELINES=1, which makes VisualBaseline.AssertMatchesAsync write
# the screenshot as the baseline instead of comparing. A baseline whose pixels did not change is left as it is, so
# git shows only the pages that really look different. Never run in CI: a baseline must be a reviewed commit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$#" -ne 0 ]; then
  echo "usage: tests/update-baselines.sh   (takes no arguments; it refreshes every visual baseline)" >&2
  exit 2
fi
if [ "${CI:-}" = "true" ]; then
  echo "update-baselines.sh: refusing to run in CI; refresh baselines on a developer machine and commit them." >&2
  exit 1
fi
command -v dotnet >/dev/null || { echo "update-baselines.sh: the .NET 10 SDK (dotnet) is required." >&2; exit 1; }
command -v npm >/dev/null || { echo "update-baselines.sh: npm (Node.js 20 or later) is required." >&2; exit 1; }
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "update-baselines.sh: no Chromium at $chromium (apt-get install chromium, or set CHROMIUM_PATH)." >&2; exit 1; }

BASELINES=tests/Tributary.Browser.Tests/Baselines

echo "==> Building the dashboard"
# Azurite (root packages) backs the pipeline the pages are rendered from; web/ packages build the dashboard.
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
[ -d web/node_modules ] || npm ci --prefix web --no-audit --no-fund --loglevel=error
npm run build --prefix web --silent

echo "==> Running the visual tests with TRIBUTARY_UPDATE_BASELINES=1"
TRIBUTARY_UPDATE_BASELINES=1 dotnet test tests/Tributary.Browser.Tests --nologo --filter "Category=Visual"

echo "==> Baselines changed (look at each before committing)"
changed=$(git status --porcelain --untracked-files=all -- "$BASELINES")
if [ -n "$changed" ]; then
  echo "$changed"
  echo "This run's screenshots are also in TestResults/visual/ (*.actual.png)."
else
  echo "none: every baseline already matches (or no [Trait(\"Category\", \"Visual\")] test ran: see the dotnet test output above)."
fi
