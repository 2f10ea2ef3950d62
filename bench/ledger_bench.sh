#!/usr/bin/env bash
# Ledger benchmarks (see BENCHMARKS.md, section "Ledger"). Heavy: run with a
# quiet machine; every step is niced. Usage:
#   bench/ledger_bench.sh WORKDIR [STEP...]
# Steps: relations (P/R on 5k synthetic articles, with and without
# propositions), ingest (100k articles through analysis + storage), storage
# (100k analysed records, storage and alignment only), million (a ledger of
# ~1M claims from synthetic records, then query latency). Default: all.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:?usage: ledger_bench.sh WORKDIR [STEP...]}"; shift || true
STEPS="${*:-relations ingest storage million}"
BIN="$ROOT/target/release/claimgraph"
GEN="$ROOT/target/release/examples/gencorpus"
QB="$ROOT/target/release/examples/querybench"
mkdir -p "$WORK"
(cd "$ROOT" && cargo build --release -p claimgraph-cli -p claimgraph-ledger --examples --bin claimgraph >/dev/null 2>&1 \
  || cargo build --release -p claimgraph-cli && cargo build --release -p claimgraph-ledger --examples)
size() { du -b "$1" | cut -f1; }

for step in $STEPS; do
  case "$step" in
  relations)
    for mode in props text; do
      flag=""; [ "$mode" = text ] && flag="--no-propositions"
      "$GEN" --docs 5000 --seed 2 --out "$WORK/rel-$mode" $flag >/dev/null
      rm -f "$WORK/rel-$mode.db"*
      nice -n 10 "$BIN" ingest --records --keep-ids --db "$WORK/rel-$mode.db" "$WORK/rel-$mode/records.jsonl"
      echo "relations[$mode]: $(python3 "$ROOT/bench/ledger_relations.py" "$WORK/rel-$mode" "$WORK/rel-$mode.db" --bin "$BIN")"
    done ;;
  ingest)
    "$GEN" --docs 100000 --seed 3 --out "$WORK/c100k" >/dev/null
    rm -f "$WORK/ingest.db"*
    /usr/bin/time -v nice -n 10 "$BIN" ingest --db "$WORK/ingest.db" "$WORK/c100k/articles.jsonl" 2> "$WORK/ingest.log" || true
    grep -E "claimgraph:|Maximum resident|Elapsed" "$WORK/ingest.log"
    echo "ingest db bytes: $(size "$WORK/ingest.db")" ;;
  storage)
    [ -f "$WORK/c100k/records.jsonl" ] || "$GEN" --docs 100000 --seed 3 --out "$WORK/c100k" >/dev/null
    rm -f "$WORK/storage.db"*
    /usr/bin/time -v nice -n 10 "$BIN" ingest --records --keep-ids --db "$WORK/storage.db" "$WORK/c100k/records.jsonl" 2> "$WORK/storage.log" || true
    grep -E "claimgraph:|Maximum resident|Elapsed" "$WORK/storage.log"
    echo "storage db bytes: $(size "$WORK/storage.db")" ;;
  million)
    "$GEN" --docs 270000 --seed 42 --out "$WORK/c270k" >/dev/null
    rm -f "$WORK/million.db"*
    /usr/bin/time -v nice -n 10 "$BIN" ingest --records --keep-ids --db "$WORK/million.db" "$WORK/c270k/records.jsonl" 2> "$WORK/million.log" || true
    grep -E "claimgraph:|Maximum resident|Elapsed" "$WORK/million.log"
    echo "million db bytes: $(size "$WORK/million.db")"
    nice -n 10 "$QB" "$WORK/million.db" --samples 1000 --seed 1 --limit 20 ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
