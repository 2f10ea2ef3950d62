#!/usr/bin/env bash
# Workbench load benchmark (BENCHMARKS.md, section "Workbench").
#
#   bench/web_load.sh WORKDIR [STEP...]      steps: ledger load size cpu burst (default: ledger load size)
#
# ledger: a ~1M-claim ledger from the synthetic generator (270,000 articles,
#         seed 42, as in bench/ledger_bench.sh's "million" step), stored from
#         its perfect records. Reused when WORKDIR/million.db already holds
#         1M claims; an interrupted build resumes (ingest skips stored documents).
# load:   starts `claimgraph serve` on the ledger and drives it with wrk
#         (CLIENTS connections, DURATION per run) over entity pages and
#         searches drawn at random from the ledger; prints p50/p99 per
#         endpoint, requests/s, errors, and the server's peak RSS.
# cpu:    server CPU time per uncached request: one client asks N (1000)
#         distinct entity pages, then N searches, one after the other over one
#         connection; the server's utime + stime divided by N.
# burst:  the cold pass's burst alone: a fresh server, CLIENTS clients asking
#         each URL of the load step's lists once (THREADS wrk threads, each
#         its share), then stopping; prints the wall time until every answer
#         came and the server's CPU time per answer.
# size:   bytes the first page load transfers (page, script, style, icon and
#         the API calls of the home view), gzip as a browser asks for it.
#
# Environment: CLAIMGRAPH_BIN (a built binary; default: build it), CLIENTS (200), DURATION (30s), THREADS (wrk threads, 2),
# PORT (8097), SERVE_ARGS (more server options), SAMPLES (distinct URLs per endpoint, 5000), ENCODING (the
# Accept-Encoding the clients send, as browsers do: gzip; empty for none).
# Needs wrk (apt-get install wrk), sqlite3 and curl. Everything runs niced.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:?usage: web_load.sh WORKDIR [ledger|load|size...]}"; shift || true
STEPS="${*:-ledger load size}"
CLIENTS="${CLIENTS:-200}"; DURATION="${DURATION:-30s}"; THREADS="${THREADS:-2}"
PORT="${PORT:-8097}"; SAMPLES="${SAMPLES:-5000}"; ENCODING="${ENCODING-gzip}"
BIN="${CLAIMGRAPH_BIN:-$ROOT/target/release/claimgraph}"
GEN="$ROOT/target/release/examples/gencorpus"
DB="$WORK/million.db"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"

for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "web_load.sh: $tool is required (apt-get install $tool)" >&2; exit 1; }
done
# CLAIMGRAPH_BIN: a claimgraph binary to use instead of building one.
[ -n "${CLAIMGRAPH_BIN:-}" ] || (cd "$ROOT" && nice -n 10 cargo build --release -p claimgraph-cli --bin claimgraph >/dev/null)

claims() { [ -f "$DB" ] && sqlite3 "file:$DB?mode=ro" "select count(*) from claims" 2>/dev/null || echo 0; }

SERVER=""
stop_server() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=""; fi; }
trap stop_server EXIT

start_server() {
  # SERVE_ARGS: more options for the server (e.g. --workers 2), unquoted.
  # shellcheck disable=SC2086
  nice -n 10 "$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" ${SERVE_ARGS:-} >"$WORK/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do
    curl -sf "$BASE/api/info" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "web_load.sh: the server did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1
}

# Peak resident memory of the server so far (kernel's high-water mark), in MiB.
peak_rss() { awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$SERVER/status"; }
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$SERVER/status"; }

# wrk script: each request takes the next path of a file, in a random order
# per thread, and the run ends with the latency percentiles in one line.
write_lua() {
  cat > "$WORK/paths.lua" <<'EOF'
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
  for k = #paths, 2, -1 do local j = math.random(k); paths[k], paths[j] = paths[j], paths[k] end
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
end
EOF
}

# wrk script of the burst step: thread k asks lines k, k + THREADS, ... of
# the list, each once, and stops when it has all its answers; it notes the
# wall time since its first request (ms) and the server's CPU time then
# (utime + stime of /proc/PID/stat, in clock ticks).
write_burst_lua() {
  cat > "$WORK/burst.lua" <<'EOF'
local count, threads = 0, {}
function setup(thread)
  thread:set("id", count); count = count + 1; threads[#threads + 1] = thread
end
local function now_ns()
  local f = io.popen("date +%s%N"); local t = tonumber(f:read("*l")); f:close(); return t
end
local function server_ticks()
  local f = io.open("/proc/" .. pid .. "/stat"); local s = f:read("*l"); f:close()
  local k, total = 0, 0
  for w in s:gmatch("%S+") do k = k + 1; if k == 14 or k == 15 then total = total + tonumber(w) end end
  return total
end
local paths, i, got, t0 = {}, 0, 0, nil
function init(args)
  pid = args[3]
  local k = 0
  for line in io.lines(args[1]) do
    if k % tonumber(args[2]) == id then paths[#paths + 1] = line end
    k = k + 1
  end
end
function request()
  if not t0 then t0 = now_ns() end
  i = i + 1
  return wrk.format("GET", paths[math.min(i, #paths)])
end
function response(status, headers, body)
  got = got + 1
  if got == #paths then
    wall_ms = (now_ns() - t0) / 1e6; ticks = server_ticks()
    wrk.thread:stop()
  end
end
function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    io.write(string.format("BURST %d %.0f %d\n", t:get("id"), t:get("wall_ms") or -1, t:get("ticks") or -1))
  end
end
EOF
}

for step in $STEPS; do
  case "$step" in
  ledger)
    n=$(claims)
    if [ "$n" -ge 1000000 ]; then
      echo "ledger: $DB holds $n claims (reused)"
      continue
    fi
    if [ ! -f "$WORK/c270k/records.jsonl" ]; then
      (cd "$ROOT" && nice -n 10 cargo build --release -p claimgraph-ledger --example gencorpus >/dev/null)
      nice -n 10 "$GEN" --docs 270000 --seed 42 --out "$WORK/c270k" >/dev/null
    fi
    /usr/bin/time -v nice -n 10 "$BIN" ingest --records --keep-ids --db "$DB" "$WORK/c270k/records.jsonl" \
      2> "$WORK/ingest.log" || { tail -5 "$WORK/ingest.log" >&2; exit 1; }
    grep -E "claimgraph:|Maximum resident|Elapsed" "$WORK/ingest.log" || true
    echo "ledger: $DB holds $(claims) claims, $(du -b "$DB" | cut -f1) bytes" ;;
  load)
    [ "$(claims)" -gt 0 ] || { echo "web_load.sh: no ledger at $DB (run the ledger step)" >&2; exit 1; }
    # Distinct URLs, as the page asks for them: entity pages of random
    # entities (all kinds, so that the heaviest pages, countries with ~64k
    # claims, come up too), and searches for random entity names and random
    # words of claims.
    sqlite3 "file:$DB?mode=ro" "select '/api/entities/' || id || '?limit=25' from entities where merged_into is null order by random() limit $SAMPLES" > "$WORK/entity.paths"
    sqlite3 "file:$DB?mode=ro" "select name from entities where merged_into is null order by random() limit $((SAMPLES / 2))" > "$WORK/terms.txt"
    sqlite3 "file:$DB?mode=ro" "select content from claims where rowid in (select abs(random()) % (select max(rowid) from claims) from claims limit $((SAMPLES / 2)))" \
      | awk '{ n = split($0, w, /[^A-Za-z]+/); for (k = 0; k < 4; k++) { t = w[1 + int(rand() * n)]; if (length(t) > 3) { print t; break } } }' >> "$WORK/terms.txt"
    python3 -c 'import sys, urllib.parse
for t in sys.stdin:
    t = t.strip()
    if t: print("/api/search?" + urllib.parse.urlencode({"q": t, "limit": 50}))' < "$WORK/terms.txt" > "$WORK/search.paths"
    write_lua
    # A ledger from an older build is migrated first (the server would do it
    # itself when it starts, but within start_server's 20 s wait).
    nice -n 10 "$BIN" entities --db "$DB" --limit 1 >/dev/null
    start_server
    echo "server: pid $SERVER on $DB ($(claims) claims); RSS after start $(rss)"
    echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
    # Each endpoint twice over the same URLs: from an empty answer cache
    # (cold: every URL is computed once), then with the answers cached (warm).
    for ep in entity search; do
      for pass in cold warm; do
        echo "== $ep ($pass): $(wc -l < "$WORK/$ep.paths") distinct URLs, $CLIENTS clients, $DURATION, Accept-Encoding: ${ENCODING:-none}"
        nice -n 10 wrk -t "$THREADS" -c "$CLIENTS" -d "$DURATION" --timeout 10s ${ENCODING:+-H "Accept-Encoding: $ENCODING"} \
          -s "$WORK/paths.lua" "$BASE" -- "$WORK/$ep.paths" > "$WORK/wrk-$ep-$pass.out" 2>&1 || true
        grep RESULT "$WORK/wrk-$ep-$pass.out" | sed "s/^RESULT/$ep $pass:/" || cat "$WORK/wrk-$ep-$pass.out"
        echo "   server RSS $(rss), peak $(peak_rss); load average $(cut -d' ' -f1-3 /proc/loadavg)"
      done
    done
    echo "peak RSS: $(peak_rss)"
    stop_server ;;
  size)
    [ -n "$SERVER" ] || start_server
    total=0
    # What the page loads (index.html names its script, style and icon) and
    # the calls of the home view (ledger info and recent conflicts, as the
    # browser test's first-load check records them).
    for path in / $(curl -s "$BASE/" | grep -oE '(src|href)="/[^"]+"' | sed -E 's/^[a-z]+="//; s/"$//') /api/info "/api/relations?kind=contradicts&limit=6" "/api/entities?limit=12" "/api/documents?limit=10"; do
      b=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download} %{size_header}' "$BASE$path" | awk '{print $1 + $2}')
      echo "   $path $b bytes"
      total=$((total + b))
    done
    echo "first load: $total bytes (gzip, headers included)"
    stop_server ;;
  burst)
    [ -f "$WORK/entity.paths" ] || { echo "web_load.sh: run the load step first (it draws the URLs)" >&2; exit 1; }
    write_burst_lua
    for ep in entity search; do
      stop_server; start_server
      c0=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
      nice -n 10 wrk -t "$THREADS" -c "$CLIENTS" -d 60s --timeout 10s ${ENCODING:+-H "Accept-Encoding: $ENCODING"} \
        -s "$WORK/burst.lua" "$BASE" -- "$WORK/$ep.paths" "$THREADS" "$SERVER" > "$WORK/wrk-$ep-burst.out" 2>&1 || true
      n=$(wc -l < "$WORK/$ep.paths")
      # The burst ends when the last thread has all its answers; the
      # server's CPU time (clock ticks) is read then.
      awk -v c0="$c0" -v n="$n" -v ep="$ep" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '/^BURST/ {
          if ($3 > w) w = $3; if ($4 > c) c = $4 }
        END { printf "%s burst: %d new answers in %d ms, server CPU %.0f us each; load average %s\n", ep, n, w, (c - c0) * 1e6 / hz / n, load }' \
        "$WORK/wrk-$ep-burst.out"
    done
    stop_server ;;
  cpu)
    [ -f "$WORK/entity.paths" ] || { echo "web_load.sh: run the load step first (it draws the URLs)" >&2; exit 1; }
    N="${N:-1000}"
    stop_server; start_server
    for ep in entity search; do
      shuf "$WORK/$ep.paths" > "$WORK/cpu-$ep.paths"
      # Warm-up on other URLs (connections opened, name index loaded).
      tail -n 200 "$WORK/cpu-$ep.paths" | sed "s|^|url = \"$BASE|; s|\$|\"\noutput = \"/dev/null\"|" > "$WORK/cpu-warm.cfg"
      head -n "$N" "$WORK/cpu-$ep.paths" | sed "s|^|url = \"$BASE|; s|\$|\"\noutput = \"/dev/null\"|" > "$WORK/cpu-run.cfg"
      curl -s -H 'Accept-Encoding: gzip' -K "$WORK/cpu-warm.cfg"
      t0=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
      curl -s -H 'Accept-Encoding: gzip' -K "$WORK/cpu-run.cfg"
      t1=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
      n=$(head -n "$N" "$WORK/cpu-$ep.paths" | wc -l)
      echo "$ep: server CPU $(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / n )) us per uncached request ($n URLs)"
    done
    stop_server ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
