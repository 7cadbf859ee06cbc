#!/usr/bin/env bash
# The catalog at real size (a benchmark, not a test). For each catalog size (SIZES, default 1,000 then 100,000
# products) it starts the packaged shop with SHOP_DEMO_CATALOG_SIZE and -Xmx256m (JVM_OPTS, default the image's
# collector: -Xmx256m -Xms32m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000, with MALLOC_ARENA_MAX=2) on its embedded PostgreSQL, waits
# until readiness says the generated catalog is loaded (and reports how long that took), then measures with wrk
# (2 threads, 32 connections) the Quarkus REST ceiling (/robots.txt) and three pages whose every request asks for
# something drawn at random, so requests keep missing the page caches:
#   product  a random product of the sitemap (every product);
#   listing  a random taxon (every category, brand and collection), a random filter combination (none, size,
#            color, size and color, price range, all of them), a random sort and a random page of up to 50;
#   search   one or two random words of the catalog's vocabulary, sometimes a filter, sort or later page.
# It prints req/s, p50, p99, errors and each page's ratio to the ceiling of the same run, the ad and teaser calls that fell
# back during each measurement (a page without its ad is cheaper), the JVM's RSS under load
# and PostgreSQL's (proportional set size of its processes), then an overload run at 128 connections over the
# three pages mixed: every answer must be a 2xx or a 503 with Retry-After (anything else, a 503 without it, or a
# socket error counts as an error), and the slowest answer shows whether any waited for the pool to time out (1 s).
# At the end: each page's p50 at the largest size over its p50 at the smallest (growth).
#
# Usage: bench/scale.sh                 (builds target/quarkus-app if missing)
#        SIZES="1000 100000" DURATION=15s WARMUP=10s CONNECTIONS=32 OVERLOAD=128 PORT=8097 bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 100000"}
PORT=${PORT:-8097}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
OVERLOAD=${OVERLOAD:-128}
JVM_OPTS=${JVM_OPTS:-"-Xmx256m -Xms32m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"}
# Random keys miss the page caches at 100,000 products, but at 1,000 they keep hitting them (a 10 s page for each of
# 1,000 products), which would compare a cached small catalog with an uncached large one. So both sizes run with the
# page caches holding nothing: page models, whole pages and Qute's {#cached} listing HTML (PAGE_CACHES=on keeps them,
# as the shop ships); the cached pages are bench/pages.sh's.
if [ "${PAGE_CACHES:-off}" = off ]; then
  CACHE_OPTS='-Dquarkus.cache.caffeine."page-skeletons".maximum-size=0 -Dquarkus.cache.caffeine."catalog-pages".maximum-size=0 -Dquarkus.cache.caffeine."qute-cache".maximum-size=0'
else
  CACHE_OPTS=""
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
BASE="http://127.0.0.1:${PORT}"
LUA="$(pwd)/bench/random-paths.lua"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
app=""
stop_app() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""; fi
}
trap 'stop_app; rm -rf "$work"' EXIT

to_ms() { # wrk latency like 1.23ms / 456.00us / 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
                         else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
                         else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
                         else { printf "%s", v } }'
}

# The catalog's words, as the generator (db/demo/storefront/R__demo_catalog_generator.sql) writes them: names are
# an adjective, a material and a noun; descriptions add the words of its sentences.
WORDS=(classic relaxed slim everyday heavyweight lightweight vintage organic washed brushed essential utility
  weekend travel heritage field trail harbor coastal alpine urban studio workshop original premium soft rugged quilted
  recycled shirt overshirt tee henley polo sweater cardigan crewneck turtleneck hoodie sweatshirt chinos trousers joggers
  jeans jacket parka coat vest anorak backpack rucksack daypack tote shopper messenger sling weekender duffel holdall
  pouch mug tumbler flask bottle cup beanie cap scarf snood socks belt wallet blanket throw apron sneaker runner boot
  oxford flannel linen chambray poplin denim corduroy seersucker cotton jersey bamboo merino lambswool cashmere alpaca
  fleece twill ripstop canvas leather nylon jute cork stoneware porcelain enamel ceramic steel glass wool suede knit
  repairs mill workshop inspected shape weight paper plastic colours proportions weekday sunday landfill wages)
SIZE_VALUES=(xs s m l xl xxl 40 42 44)
COLOR_VALUES=(white black navy grey blue olive sand red green brown burgundy charcoal natural tan)
SORTS=(newest price_asc price_desc name)

rss_kib() { ps -o rss= -p "$1" 2>/dev/null | tr -d ' ' || echo 0; }
postgres_pss_kib() { # this shop's embedded PostgreSQL (server and backends): proportional set size, shared memory split
  # the JVM holds Zonky's epg-lock file open in the server's data directory; other shops on the machine have their own
  local total=0 datadir postmaster pid
  datadir=$(ls -l /proc/"$app"/fd 2>/dev/null | awk '/epg-lock/ {print $NF}' | head -1 | xargs -r dirname)
  [ -n "$datadir" ] || { echo 0; return; }
  postmaster=$(pgrep -f "postgres -D $datadir" | head -1 || true)
  [ -n "$postmaster" ] || { echo 0; return; }
  for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
    [ -r "/proc/$pid/smaps_rollup" ] && total=$(( total + $(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup) ))
  done
  echo "$total"
}
sample_rss() { # the JVM's largest RSS while wrk runs, sampled every 0.5 s, into file $1
  local max=0 now
  while kill -0 "$app" 2>/dev/null; do
    now=$(rss_kib "$app"); [ "${now:-0}" -gt "$max" ] && max=$now && echo "$max" >"$1"
    sleep 0.5
  done
}

fallbacks() { # ad and teaser calls answered by their fallback: a page without its ad is cheaper than one with it
  curl -fs "$BASE/q/metrics" | awk '/^shop_dependency_fallbacks_total/ {s+=$NF} END {printf "%d", s}'
}

measure() { # name paths-file connections -> fills rps/p50/p99/max/errors/status/rss/fell for "$size:$name"
  local name=$1 file=$2 conns=$3 out sampler f0
  echo 0 >"$work/rss"
  f0=$(fallbacks)
  sample_rss "$work/rss" & sampler=$!
  out=$(PATHS="$file" wrk -t"$THREADS" -c"$conns" -d"$DURATION" --latency -s "$LUA" "$BASE")
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  local key="$size:$name"
  fell[$key]=$(( $(fallbacks) - f0 ))
  rps[$key]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50[$key]=$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99[$key]=$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  maxms[$key]=$(to_ms "$(echo "$out" | awk '$1 == "Latency" {print $4}')")
  local sockerr status
  sockerr=$(echo "$out" | awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}')
  status=$(echo "$out" | awk '/^STATUS/ {print}')
  statuses[$key]="${status#STATUS }${sockerr:+ socket_errors=$sockerr}"
  local shed bare other
  shed=$(echo "$status" | sed -n 's/.* shed=\([0-9]*\).*/\1/p')
  bare=$(echo "$status" | sed -n 's/.*shed_without_retry_after=\([0-9]*\).*/\1/p')
  other=$(echo "$status" | sed -n 's/.*other=\([0-9]*\).*/\1/p')
  # at the measured load any non-2xx is an error; under overload a 503 with Retry-After is the expected answer
  if [ "$name" = overload ]; then shed=${bare:-0}; fi
  errors[$key]=$(( ${shed:-0} + ${other:-0} + ${sockerr:-0} ))
  rss[$key]=$(cat "$work/rss")
}

declare -A rps p50 p99 maxms errors statuses rss fell loaded pg loads
for size in $SIZES; do
  stop_app
  log="$work/shop-$size.log"
  echo "== $size products: starting the shop (SHOP_DEMO_CATALOG_SIZE=$size)..."
  started=$(date +%s)
  SHOP_DEMO_CATALOG_SIZE=$size java $JVM_OPTS $CACHE_OPTS -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 1200); do
    curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$app" 2>/dev/null || { echo "the shop stopped:" >&2; tail -50 "$log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs "$BASE/q/health/ready" >/dev/null || { echo "the catalog did not load:" >&2; tail -50 "$log" >&2; exit 1; }
  loaded[$size]="$(( $(date +%s) - started )) s to ready; $(grep -o 'demo catalog of .* loaded in [0-9.]* s' "$log" | tail -1)"
  echo "   ${loaded[$size]}"

  # random keys: every product, every taxon, and listings and searches built from them
  curl -fs "$BASE/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed 's/<[^>]*>//g; s#^http://[^/]*##' >"$work/files"
  : >"$work/sitemap"
  while read -r file; do curl -fs "$BASE$file" | grep -o '<loc>[^<]*</loc>' | sed 's/<[^>]*>//g; s#^http://[^/]*##' >>"$work/sitemap"; done <"$work/files"
  grep '^/products/' "$work/sitemap" >"$work/products"
  grep '^/t/' "$work/sitemap" >"$work/taxons"
  : >"$work/taxon-pages"
  while read -r taxon; do # how many pages each taxon has, for pages that exist
    total=$(curl -fs "$BASE$taxon" | grep -o 'class="result-count">[^<]*' | sed 's/.*>//; s/,//g' | awk '{print $NF == "products" || $NF == "product" ? $(NF-1) : 0}')
    echo "$taxon ${total:-0}" >>"$work/taxon-pages"
  done <"$work/taxons"
  awk -v seed="$RANDOM" -v sizes="${SIZE_VALUES[*]}" -v colors="${COLOR_VALUES[*]}" -v sorts="${SORTS[*]}" '
    BEGIN { srand(seed); ns = split(sizes, S, " "); nc = split(colors, C, " "); no = split(sorts, O, " ") }
    { taxon[++n] = $1; total[n] = $2 }
    END {
      for (i = 0; i < 20000; i++) {
        t = int(rand() * n) + 1; pages = int((total[t] + 11) / 12); if (pages > 50) pages = 50; if (pages < 1) pages = 1
        f = int(rand() * 6); q = ""
        if (f == 1 || f == 3 || f == 5) q = q "&size=" S[int(rand() * ns) + 1]
        if (f == 2 || f == 3 || f == 5) q = q "&color=" C[int(rand() * nc) + 1]
        if (f == 4 || f == 5) { lo = int(rand() * 80); q = q "&min_price=" lo "&max_price=" (lo + 10 + int(rand() * 100)) }
        page = (f == 0) ? int(rand() * pages) + 1 : int(rand() * (pages < 3 ? pages : 3)) + 1
        q = q "&sort=" O[int(rand() * no) + 1] (page > 1 ? "&page=" page : "")
        print taxon[t] "?" substr(q, 2)
      }
    }' "$work/taxon-pages" >"$work/listings"
  awk -v seed="$RANDOM" -v words="${WORDS[*]}" -v sizes="${SIZE_VALUES[*]}" -v colors="${COLOR_VALUES[*]}" -v sorts="${SORTS[*]}" '
    BEGIN { srand(seed); nw = split(words, W, " "); ns = split(sizes, S, " "); nc = split(colors, C, " "); no = split(sorts, O, " ")
      for (i = 0; i < 20000; i++) {
        k = W[int(rand() * nw) + 1]; if (rand() < 0.4) k = k "+" W[int(rand() * nw) + 1]
        q = "/products?keywords=" k; r = rand()
        if (r < 0.15) q = q "&size=" S[int(rand() * ns) + 1]
        else if (r < 0.30) q = q "&color=" C[int(rand() * nc) + 1]
        else if (r < 0.40) q = q "&max_price=" (20 + int(rand() * 100))
        if (rand() < 0.2) q = q "&sort=" O[int(rand() * no) + 1]
        if (rand() < 0.2) q = q "&page=" (int(rand() * 3) + 2)
        print q
      } }' >"$work/searches"
  cat "$work/products" "$work/listings" "$work/searches" >"$work/mixed"
  echo /robots.txt >"$work/ceiling"
  echo "   $(wc -l <"$work/products") products, $(wc -l <"$work/taxons") taxons; warming up (${WARMUP} per page, twice round)..."

  for _ in 1 2; do
    for name in ceiling products listings searches; do
      PATHS="$work/$name" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE" >/dev/null
    done
  done
  echo "   measuring (load average $(cut -d' ' -f1-3 /proc/loadavg))..."
  measure ceiling "$work/ceiling" "$CONNECTIONS"
  measure product "$work/products" "$CONNECTIONS"
  measure listing "$work/listings" "$CONNECTIONS"
  measure search "$work/searches" "$CONNECTIONS"
  pg[$size]=$(postgres_pss_kib)
  measure overload "$work/mixed" "$OVERLOAD"
  loads[$size]=$(cut -d' ' -f1-3 /proc/loadavg)
done
stop_app

echo
echo "MIR Shop catalog at scale — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (overload: -c$OVERLOAD), app $JVM_OPTS (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX), embedded PostgreSQL, random keys, page caches ${PAGE_CACHES:-off}"
for size in $SIZES; do
  echo
  echo "$size products: ${loaded[$size]}; load average after the run ${loads[$size]}"
  printf '| %-8s | %9s | %8s | %8s | %8s | %7s | %8s | %8s | %9s |\n' page "req/s" "p50 ms" "p99 ms" "max ms" errors "ceiling" "RSS MiB" fallbacks
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---------- ----------- ---------- ---------- ---------- --------- ---------- ---------- -----------
  for name in ceiling product listing search overload; do
    key="$size:$name"
    ratio=$(awk -v a="${rps[$key]}" -v c="${rps[$size:ceiling]}" 'BEGIN { printf "%.3fx", a / c }')
    printf '| %-8s | %9s | %8s | %8s | %8s | %7s | %8s | %8s | %9s |\n' "$name" "${rps[$key]}" "${p50[$key]}" "${p99[$key]}" \
      "${maxms[$key]}" "${errors[$key]}" "$ratio" "$(( ${rss[$key]} / 1024 ))" "${fell[$key]}"
  done
  echo "overload at $OVERLOAD connections: ${statuses[$size:overload]}"
  echo "PostgreSQL (all its processes, proportional set size) after the pages: $(( ${pg[$size]} / 1024 )) MiB"
done
set -- $SIZES
small=$1; large=${!#}
if [ "$small" != "$large" ]; then
  echo
  echo "growth: p50 at $large over p50 at $small"
  for name in product listing search; do
    awk -v n="$name" -v a="${p50[$large:$name]}" -v b="${p50[$small:$name]}" 'BEGIN { printf "  %-8s %.2fx (%s ms / %s ms)\n", n, a / b, a, b }'
  done
fi
