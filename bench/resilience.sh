#!/usr/bin/env bash
# Resilience benchmark (not a test): runs the shop as three processes (storefront, discounts, ads; one schema each in a
# fresh local PostgreSQL database with the demo data, bench/local-postgres.sh) and measures a product page with wrk (2 threads, 32 connections, 15 s)
# while the ad service is (a) healthy, (b) killed, (c) frozen with SIGSTOP (connections hang), then the same for
# the discount service (restarted or continued between phases). Prints req/s, p99 and the count of non-2xx answers
# and socket errors per phase, and checks the targets: zero non-2xx everywhere, p99 of (b) and (c) at most 1.5 x (a).
# Phase (d), healthy again after the outage, is a control for load drift on a shared machine, not a target.
#
# Traffic goes to 127.0.0.1 only. The script stops everything it started (by process id) when it ends.
# Usage: bench/resilience.sh             (builds target/quarkus-app if missing)
#        BASE_PORT=18480 DURATION=15s WARMUP=40s bench/resilience.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_PORT=${BASE_PORT:-18480}
SF_PORT=$BASE_PORT
DISCOUNTS_PORT=$((BASE_PORT + 1))
ADS_PORT=$((BASE_PORT + 2))
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PRODUCT=${PRODUCT:-/products/oxford-button-down-shirt}
HEAP=${HEAP:--Xmx256m}
JAR=target/quarkus-app/quarkus-run.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }
for port in "$SF_PORT" "$DISCOUNTS_PORT" "$ADS_PORT"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    echo "port $port is in use; set BASE_PORT" >&2; exit 1
  fi
done
[ -f "$JAR" ] || mvn -B -q package -DskipTests
MIRSHOP_DB=mirshop_resilience_$$
# shellcheck source=bench/local-postgres.sh
. bench/local-postgres.sh

work=$(mktemp -d)
declare -A pid=()

cleanup() {
  for role in "${!pid[@]}"; do
    p=${pid[$role]}
    kill -CONT "$p" 2>/dev/null || true
    kill -TERM "$p" 2>/dev/null || true
  done
  for role in "${!pid[@]}"; do
    p=${pid[$role]}
    for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$p" 2>/dev/null || true
  done
  rm -rf "$work"
  runuser -u postgres -- dropdb -p "$_pg_port" --if-exists "$MIRSHOP_DB" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_of() {
  case $1 in storefront) echo "$SF_PORT" ;; discounts) echo "$DISCOUNTS_PORT" ;; ads) echo "$ADS_PORT" ;; esac
}

start() { # role
  local role=$1 port
  port=$(port_of "$role")
  SHOP_ROLE=$role QUARKUS_HTTP_PORT=$port \
    QUARKUS_REST_CLIENT_ADS_URL="http://127.0.0.1:$ADS_PORT" \
    QUARKUS_REST_CLIENT_DISCOUNTS_URL="http://127.0.0.1:$DISCOUNTS_PORT" \
    STOREFRONT_ADS_PUBLIC_URL="http://127.0.0.1:$ADS_PORT" \
    java $HEAP -jar "$JAR" >>"$work/$role.log" 2>&1 &
  pid[$role]=$!
}

wait_ready() { # role
  local role=$1 port
  port=$(port_of "$role")
  for _ in $(seq 1 240); do
    curl -fs --max-time 2 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "${pid[$role]}" 2>/dev/null || break
    sleep 0.5
  done
  echo "$role did not start:" >&2; tail -40 "$work/$role.log" >&2; exit 1
}

stop() { # role: a clean kill (SIGTERM), waits until the process is gone
  local role=$1 p=${pid[$1]}
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  unset "pid[$role]"
}

# Counts non-2xx answers in every wrk thread and prints one machine-readable line at the end.
cat >"$work/count.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000, bad, e.connect + e.read + e.write + e.timeout, summary.requests))
end
LUA

URL="http://127.0.0.1:$SF_PORT$PRODUCT"
declare -a order=()
declare -A result=()

measure() { # phase name
  local line
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$work/count.lua" "$URL" | grep '^RESULT')
  result[$1]=${line#RESULT }
  order+=("$1")
  read -r rps p99 bad errors total <<<"${result[$1]}"
  printf '%-22s %9s req/s  p99 %8s ms  non-2xx %5s  socket errors %4s  (%s requests)\n' "$1" "$rps" "$p99" "$bad" \
    "$errors" "$total"
}

# warm-ups use the measured load, so the JIT has compiled the page before (a) and after a restart
warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${1:-10s}" "$URL" >/dev/null; }

echo "Starting discounts (:$DISCOUNTS_PORT), ads (:$ADS_PORT), storefront (:$SF_PORT); logs in $work"
start discounts; wait_ready discounts; start ads; wait_ready ads; start storefront; wait_ready storefront
curl -fs -o /dev/null "$URL" || { echo "product page $PRODUCT is not there" >&2; exit 1; }
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Warming up..."
warm "${WARMUP:-40s}"

for service in ads discounts; do
  measure "$service (a) healthy"
  stop "$service"
  measure "$service (b) killed"
  start "$service"; wait_ready "$service"; warm 15s
  kill -STOP "${pid[$service]}"
  measure "$service (c) frozen"
  kill -CONT "${pid[$service]}"
  warm 15s
  # a control, not a target: healthy again after the outage shows how much the machine itself drifted meanwhile
  measure "$service (d) recovered"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# targets
status=0
for service in ads discounts; do
  read -r _ base_p99 _ _ _ <<<"${result[$service (a) healthy]}"
  for phase in "(b) killed" "(c) frozen"; do
    read -r _ p99 _ _ _ <<<"${result[$service $phase]}"
    if ! awk -v p="$p99" -v b="$base_p99" 'BEGIN { exit !(p <= 1.5 * b) }'; then
      echo "MISSED: $service $phase p99 ${p99} ms > 1.5 x ${base_p99} ms"; status=1
    fi
  done
done
for phase in "${order[@]}"; do
  read -r _ _ bad errors _ <<<"${result[$phase]}"
  if [ "$bad" != 0 ] || [ "$errors" != 0 ]; then echo "MISSED: $phase had $bad non-2xx and $errors socket errors"; status=1; fi
done
[ $status = 0 ] && echo "All targets met: zero non-2xx, p99 of killed/frozen phases within 1.5 x healthy."
exit $status
