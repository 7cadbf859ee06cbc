#!/usr/bin/env bash
# Page speed benchmark (not a test): starts the packaged shop with -Xmx256m on the embedded database, warms it up,
# then measures with wrk (2 threads, 32 connections, 15 s each) the home page, a category page, a search and a
# product page, plus one static file as the framework's own ceiling in the same run. Prints req/s, p50, p99,
# errors and each page's ratio to the ceiling, the SQL statements each page issues (from Hibernate's statement
# counter in /q/metrics) and the decorative calls (ad, teaser) that fell back during the measurement: a page
# without its ad is cheaper, so only a run with zero fallbacks measures the real page.
#
# Usage: bench/pages.sh            (builds target/quarkus-app if missing)
#        PORT=8099 DURATION=15s WARMUP=10s bench/pages.sh
#        APP=/tmp/other-build/quarkus-app PAGES="static home product" bench/pages.sh   (another build, some pages)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8099}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
APP=${APP:-target/quarkus-app}
BASE="http://127.0.0.1:${PORT}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$APP/quarkus-run.jar" ] || mvn -B -q package -DskipTests

log=$(mktemp)
java -Xmx256m -Dquarkus.http.port="$PORT" -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 $(( ${START_SECONDS:-60} * 2 ))); do  # START_SECONDS: a busy machine starts the shop slowly
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "shop did not start:" >&2; tail -50 "$log" >&2; exit 1; }

# a product and a category that exist in the demo catalog
product_path=$(curl -fs "$BASE/t/categories/clothing" | grep -o 'href="/products/[a-z0-9-]*"' | head -1 | sed 's/href="//;s/"//')
[ -n "$product_path" ] || product_path=/products/ruby-on-rails-tote
read -r -a names <<<"${PAGES:-static home category search product}"
declare -A paths=(
  [static]=/css/shop.css
  [home]=/
  [category]=/t/categories/clothing
  [search]="/products?keywords=shirt"
  [product]="$product_path"
)

statements() {
  curl -fs "$BASE/q/metrics" | awk '(/^hibernate_statements_total/ && /status="prepared"/) || /^shop_catalog_statements_seconds_count/ {s+=$NF} END {printf "%d", s}'
}

# The JIT compiles the page paths for about a minute under load on two cores (C1, then C2 with its profiles);
# measuring before that measures the compiler. Every page is warmed at the measured load, twice round.
echo "Warming up (${WARMUP} per page, twice round)..."
for _ in 1 2; do
  for name in "${names[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE${paths[$name]}" >/dev/null
  done
done

declare -A queries
for name in "${names[@]}"; do
  before=$(statements); n=20
  for _ in $(seq 1 $n); do curl -fs -o /dev/null "$BASE${paths[$name]}"; done
  after=$(statements)
  queries[$name]=$(awk -v a="$after" -v b="$before" -v n="$n" 'BEGIN { printf "%.1f", (a - b) / n }')
done

to_ms() { # wrk latency like 1.23ms / 456.00us / 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
                         else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
                         else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}

fallbacks() { # decorative calls (ad, teaser) that fell back instead of answering: a page without its ad is cheaper
  curl -fs "$BASE/q/metrics" | awk '/^shop_dependency_fallbacks_total/ {s+=$NF} END {printf "%d", s}'
}

declare -A rps p50 p99 errors fell
for name in "${names[@]}"; do
  f0=$(fallbacks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE${paths[$name]}")
  rps[$name]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50[$name]=$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99[$name]=$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx responses/ {print $NF}')
  sockerr=$(echo "$out" | awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}')
  errors[$name]=$(( ${non2xx:-0} + ${sockerr:-0} ))
  fell[$name]=$(( $(fallbacks) - f0 ))
done

echo
echo "MIR Shop page benchmark — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, app -Xmx256m ($APP), embedded PostgreSQL, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-9s | %-36s | %9s | %8s | %8s | %6s | %8s | %11s | %9s |\n' page path "req/s" "p50 ms" "p99 ms" errors "ceiling" "SQL/request" "fallbacks"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ----------- -------------------------------------- ----------- ---------- ---------- -------- ---------- ------------- -----------
for name in "${names[@]}"; do
  ratio=$(awk -v a="${rps[$name]}" -v c="${rps[static]}" 'BEGIN { printf "%.2fx", a / c }')
  printf '| %-9s | %-36s | %9s | %8s | %8s | %6s | %8s | %11s | %9s |\n' "$name" "${paths[$name]}" "${rps[$name]}" \
    "${p50[$name]}" "${p99[$name]}" "${errors[$name]}" "$ratio" "${queries[$name]}" "${fell[$name]}"
done
