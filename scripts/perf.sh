#!/usr/bin/env bash
# Regenerates docs/performance.md: the demo's wall time, and `xenoscope run`
# (crawl → analyze → indicators → report) on a ~10,000-document database with
# time and peak memory per stage, cold and rerun. Offline; takes a few minutes.
#
#   scripts/perf.sh            # writes docs/performance.md
#   SCALE=2 scripts/perf.sh    # a smaller run (about 2,000 documents) to try it out
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
scale="${SCALE:-10}"   # 10 x ~1,020 articles = ~10,200
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/xenoscope" ./cmd/xenoscope
go build -o "$work/perfkit" ./scripts/perfkit

# timed LABEL CMD... : runs CMD (stdout discarded, stderr to demo.log) and
# appends "LABEL SECONDS MAXRSS_KB" to demo.txt (RSS 0 without GNU time).
timed() {
  local label=$1 t0 t1 rss=0
  shift
  t0=$(date +%s.%N)
  if /usr/bin/time -f '%M' -o "$work/rss" true 2>/dev/null; then
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>>"$work/demo.log" || { cat "$work/demo.log" >&2; exit 1; }
    rss=$(tail -n1 "$work/rss")
  else
    "$@" >/dev/null 2>>"$work/demo.log" || { cat "$work/demo.log" >&2; exit 1; }
  fi
  t1=$(date +%s.%N)
  echo "$label $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') $rss" >>"$work/demo.txt"
}

echo "== demo (cold, then rerun)" >&2
: >"$work/demo.txt"
timed cold "$work/xenoscope" demo -out "$work/demo"
timed warm "$work/xenoscope" demo -out "$work/demo"
cat "$work/demo.txt" >&2

echo "== serving the corpus at scale $scale" >&2
mkfifo "$work/ready"
"$work/perfkit" serve -scale "$scale" -config "$work/perf.toml" >"$work/ready" &
server_pid=$!
read -r _ docs _ <"$work/ready"
echo "   $docs articles" >&2

echo "== xenoscope run (cold)" >&2
"$work/xenoscope" run -config "$work/perf.toml" -db "$work/perf.db" -out "$work/report" -json >"$work/cold.json" 2>"$work/cold.log" \
  || { code=$?; [ $code -eq 3 ] || { tail -20 "$work/cold.log" >&2; exit $code; }; }
echo "== xenoscope run (rerun)" >&2
"$work/xenoscope" run -config "$work/perf.toml" -db "$work/perf.db" -out "$work/report" -json >"$work/warm.json" 2>"$work/warm.log" \
  || { code=$?; [ $code -eq 3 ] || { tail -20 "$work/warm.log" >&2; exit $code; }; }

"$work/perfkit" table -demo "$work/demo.txt" -cold "$work/cold.json" -warm "$work/warm.json" -docs "$docs" >docs/performance.md
cat docs/performance.md
