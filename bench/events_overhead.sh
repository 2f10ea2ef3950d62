#!/usr/bin/env bash
# What the events stage adds to `claimgraph extract`'s time (target: < 20%).
#
#   bash bench/events_overhead.sh [FILE_OR_DIR...]
#
# Default corpus: the PolNeAR dev articles (../shared/data/polnear/dev/text,
# read in place, never copied), else tests/articles. For every article the
# whole extract path (cleaning, all stages, the JSON record) is timed, then
# the event coder alone is re-run on the analysed document; one thread, under
# nice. PASSES passes (default 3); the median ratio
# events / (extract without events) is printed LAST.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
PASSES=${PASSES:-3}
if [ $# -gt 0 ]; then
    INPUTS=("$@")
elif [ -d "$SHARED/data/polnear/dev/text" ]; then
    INPUTS=("$SHARED/data/polnear/dev/text")
else
    INPUTS=("$ROOT/tests/articles")
fi
FILES=()
for i in "${INPUTS[@]}"; do
    if [ -d "$i" ]; then
        while IFS= read -r f; do FILES+=("$f"); done < <(find "$i" -type f \( -name '*.txt' -o -name '*.html' \) | sort)
    else
        FILES+=("$i")
    fi
done
(cd "$ROOT" && cargo build --release -q -p claimgraph --example events_overhead)
echo "corpus: ${#FILES[@]} files from ${INPUTS[*]}" >&2
RAYON_NUM_THREADS=1 nice -n 10 "$ROOT/target/release/examples/events_overhead" --passes "$PASSES" "${FILES[@]}"
