#!/bin/bash
# Relations that differ between two builds on the hand-annotated sets.
# Usage: bench/relations_diff.sh BIN_A BIN_B SET... (SET: seed, holdout, dev, dev2, ...)
# Each set is ingested alone by both builds (a fresh ledger each); the lines
# of `conflicts --format jsonl` (kind, reason, the two contents) that only A
# has are printed with "<", those only B has with ">". Needs ../shared for
# the seed.
set -euo pipefail
A=$1; B=$2; shift 2; ROOT=${SETROOT:-$(cd "$(dirname "$0")/.." && pwd)}; SHARED="$ROOT/../shared"; T=$(mktemp -d)
for s in "$@"; do
  if [ "$s" = seed ]; then d=$SHARED/examples; g=$SHARED/acceptance/seed.gold.json; else d=$ROOT/tests/articles/$s; g=$d/gold.json; fi
  files=$(python3 -c "import json;print(' '.join('$d/'+x for x in json.load(open('$g'))['documents']))")
  for x in A B; do bin=${!x}; rm -f $T/$x.db; $bin ingest --db $T/$x.db $files 2>/dev/null; $bin conflicts --db $T/$x.db --format jsonl | python3 -c "
import json,sys
for l in sys.stdin:
  r=json.loads(l); print(r['relation'][:5], r['reason'][:50],'|', r['a']['content'][:90].replace('\n',' '),'||',r['b']['content'][:90].replace('\n',' '))" | sort > $T/$x.txt; done
  echo "== $s"; diff $T/A.txt $T/B.txt | grep '^[<>]' || true
done
rm -rf $T
