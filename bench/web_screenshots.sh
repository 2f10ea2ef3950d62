#!/usr/bin/env bash
# Screenshots of the workbench for the README (docs/screenshots/*.png).
#
#   bench/web_screenshots.sh [OUTDIR]        (default: docs/screenshots)
#
# Runs the browser test (crates/claimgraph-server/tests/browser.rs: a ledger
# with the seed article and the hostile fixtures, `claimgraph serve`, headless
# Chromium at 1366x850) with CLAIMGRAPH_SCREENSHOTS set, then keeps the views
# the README shows: the entity page of the Iranian foreign minister, the
# conflicts view, the article view with its highlighted spans, the analyse
# box and a hostile article shown as text. Needs /usr/bin/chromium and node
# (see .ci/run); installs playwright-core from the lock file when missing.
# The committed images were taken with fonts-noto-color-emoji and
# fonts-symbola installed (apt), so that the fixtures' emoji and mathematical
# letters show as glyphs rather than boxes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/docs/screenshots}"
VIEWS="entity conflicts article analyse hostile"
BROWSER_DIR="$ROOT/crates/claimgraph-server/tests/browser"
[ -d "$BROWSER_DIR/node_modules/playwright-core" ] \
  || npm ci --prefix "$BROWSER_DIR" --no-audit --no-fund --loglevel=error
RAW="$(mktemp -d)"
trap 'rm -rf "$RAW"' EXIT
(cd "$ROOT" && CLAIMGRAPH_REQUIRE_BROWSER=1 CLAIMGRAPH_SCREENSHOTS="$RAW" \
  nice -n 10 cargo test --release -q -p claimgraph-server --test browser -- --nocapture 2>&1 | grep -E "^(FAIL|browser tests:|test result)" || true)
mkdir -p "$OUT"
status=0
for v in $VIEWS; do
  if [ ! -f "$RAW/$v.png" ]; then
    echo "web_screenshots.sh: no $v.png (did the browser test pass?)" >&2
    status=1
    continue
  fi
  cp "$RAW/$v.png" "$OUT/$v.png"
  bytes=$(stat -c %s "$OUT/$v.png")
  echo "$OUT/$v.png $bytes bytes"
  # The README's images stay small.
  [ "$bytes" -le $((300 * 1024)) ] || { echo "web_screenshots.sh: $v.png is over 300 KB" >&2; status=1; }
done
exit $status
