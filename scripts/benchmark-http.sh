#!/usr/bin/env bash
# Explained, logged eligibility decisions over HTTP: POST /api/v1/eligibility/decisions with the contract's sample
# candidate (docs/examples/ivanova.json) and an API key, keep-alive, CLIENTS concurrent clients (default "16 64"),
# after a warm-up. Prints requests/s, failures, p50/p99 for each. Needs a running service (BASE_URL, default
# http://localhost:8080), an integration key in DECISIONS_API_KEY and Debian's `ab` (apt-get install apache2-utils).
#   REQUESTS=20000 CLIENTS="16 64" scripts/benchmark-http.sh
#   SECONDS_SUSTAINED=600 PID=<service pid> scripts/benchmark-http.sh   # one sustained run; RSS at start and end
set -euo pipefail
BASE_URL="${BASE_URL:-http://localhost:8080}"
: "${DECISIONS_API_KEY:?set DECISIONS_API_KEY to an integration key}"
REQUESTS="${REQUESTS:-20000}"
WARMUP="${WARMUP:-5000}"
CLIENTS="${CLIENTS:-16 64}"
BODY="${BODY:-$(dirname "$0")/../docs/examples/ivanova.json}"
URL="$BASE_URL/api/v1/eligibility/decisions"
command -v ab >/dev/null || { echo "ab not found: apt-get install apache2-utils" >&2; exit 1; }

run() { # clients, then ab's own limits (-n N or -t S -n big)
  local clients=$1; shift
  ab -k -q -c "$clients" "$@" -T application/json -H "X-API-Key: $DECISIONS_API_KEY" -p "$BODY" "$URL" 2>&1 \
    | awk -v c="$clients" '
        /^Complete requests/ {n=$3} /^Failed requests/ {f=$3} /^Non-2xx responses/ {x=$3}
        /^Requests per second/ {r=$4} /^Time taken for tests/ {t=$5}
        /^  50%/ {p50=$2} /^  99%/ {p99=$2} /^ 100%/ {pmax=$2}
        END {printf "clients %3d: %s requests in %s s, %s/s, failed %s, non-2xx %s, p50 %s ms, p99 %s ms, max %s ms\n",
             c, n, t, r, f, (x==""?0:x), p50, p99, pmax}'
}

echo "warm-up: $WARMUP requests"
run 16 -n "$WARMUP" >/dev/null
if [[ -n "${SECONDS_SUSTAINED:-}" ]]; then
  : "${PID:?set PID to the process id of the service (its resident memory is reported)}"
  echo "RSS at start: $(ps -o rss= -p "$PID") KB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  run "${CLIENTS%% *}" -t "$SECONDS_SUSTAINED" -n 100000000
  echo "RSS at end: $(ps -o rss= -p "$PID") KB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
for clients in $CLIENTS; do
  run "$clients" -n "$REQUESTS"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
