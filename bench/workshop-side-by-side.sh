#!/usr/bin/env bash
# Our ad and discount services side by side with the originals they replace (a benchmark, not a test):
# DataDog/ecommerce-workshop's ads-service-fixed and discounts-service-fixed (Flask), each under gunicorn with 2
# workers, on the same machine and in the same run, against a local PostgreSQL (bench/local-postgres.sh), then the
# packaged shop (role all, demo data) on the same PostgreSQL. wrk (2 threads, 32 connections, DURATION each, after
# WARMUP) measures GET /ads and GET /discount on both; printed: req/s, p50, p99, errors, rows per answer, the CPU
# the serving processes used per request (gunicorn master and workers; the JVM; not the databases), and our ratio to
# theirs per answer and per row returned. On a shared machine req/s follows the neighbours' load; CPU per request
# much less (but a starved JVM also compiles late: give it a long WARMUP).
#
# The workshop is not part of this repository and nothing here builds it: check out its source yourself at the
# version the contract is pinned to (9e6ae3b42) and pass the directory:
#   git clone https://github.com/DataDog/ecommerce-workshop && git -C ecommerce-workshop checkout 9e6ae3b42
#   WORKSHOP_DIR=$PWD/ecommerce-workshop bench/workshop-side-by-side.sh
# It runs with Debian's packages (apt-get install python3-flask python3-flask-cors python3-flask-sqlalchemy
# python3-psycopg2 python3-requests gunicorn wrk), not the pinned pip requirements, and without ddtrace. Debian has no
# package for `names` (the discounts seed's random influencer names, never part of an answer): a stand-in is put on
# PYTHONPATH for the run.
#
# RECORD=1 also writes the originals' answers to src/test/resources/workshop/recorded.json, which
# WorkshopContractTest compares our answers with.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${WORKSHOP_DIR:?WORKSHOP_DIR must be a checkout of DataDog/ecommerce-workshop (see the top of this script)}"
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
ADS_PORT=${ADS_PORT:-9292}
DISCOUNTS_PORT=${DISCOUNTS_PORT:-8282}
SHOP_PORT=${SHOP_PORT:-8099}
for tool in wrk gunicorn python3 curl; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM

# one local PostgreSQL for both sides: the shop's database (a schema per service, exported as QUARKUS_DATASOURCE_*)
# and one database per workshop service (its DB name is its user name)
MIRSHOP_DB=workshop_bench . bench/local-postgres.sh
for db in workshop_ads workshop_discounts; do
  runuser -u postgres -- psql -q -p "$_pg_port" -v ON_ERROR_STOP=1 -v pw="$_pg_password" -v db="$db" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'db', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'db') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'db', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
done

mkdir -p "$work/shim"
cat > "$work/shim/names.py" <<'PY'
import random
def get_full_name():
    return random.choice(["Ada", "Grace", "Linus", "Barbara"]) + " " + random.choice(["Lovelace", "Hopper", "Liskov"])
PY

wait_for() { # url what log
  for _ in $(seq 1 480); do curl -fs "$1" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "$2 did not start in 4 minutes:" >&2; tail -30 "$3" >&2; exit 1
}
start_workshop() { # dir port module
  (cd "$WORKSHOP_DIR/$1" && POSTGRES_USER=$4 POSTGRES_PASSWORD=$_pg_password POSTGRES_HOST=localhost:$_pg_port \
     PYTHONPATH="$work/shim" exec gunicorn -w 2 --preload -b "127.0.0.1:$2" "$3:app" >"$work/$1.log" 2>&1) &
  pids+=($!)
}
start_workshop ads-service-fixed "$ADS_PORT" ads workshop_ads
start_workshop discounts-service-fixed "$DISCOUNTS_PORT" discounts workshop_discounts
wait_for "http://127.0.0.1:$ADS_PORT/ads" "the workshop's ad service" "$work/ads-service-fixed.log"
wait_for "http://127.0.0.1:$DISCOUNTS_PORT/discount" "the workshop's discount service" "$work/discounts-service-fixed.log"

java -Xmx256m -Dquarkus.http.port="$SHOP_PORT" -jar target/quarkus-app/quarkus-run.jar >"$work/shop.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SHOP_PORT/q/health/ready" "the shop" "$work/shop.log"

if [ "${RECORD:-}" = 1 ]; then
  ADS="http://127.0.0.1:$ADS_PORT" DISCOUNTS="http://127.0.0.1:$DISCOUNTS_PORT" python3 - <<'PY'
import json, os, urllib.request, urllib.error
def ask(base, path, headers=None):
    req = urllib.request.Request(base + path, headers=headers or {})
    try:
        r = urllib.request.urlopen(req)
    except urllib.error.HTTPError as e:
        r = e
    body = r.read()
    keep = {k: r.headers[k] for k in ("Content-Type", "Access-Control-Allow-Origin", "Vary") if r.headers[k]}
    answer = {"request": "GET " + path, "status": r.status, "headers": keep}
    if headers:
        answer["requestHeaders"] = headers
    if keep.get("Content-Type") == "application/json":
        doc = json.loads(body)
        # the discounts seed is random: the two first and the three fixed discounts are enough to show the shape
        answer["json"] = doc[:2] + doc[-3:] if path == "/discount" else doc
    else:
        answer["bodyBytes"] = len(body)
    return answer
ads, discounts = os.environ["ADS"], os.environ["DISCOUNTS"]
answers = [ask(ads, "/ads"), ask(ads, "/ads", {"Origin": "https://another.example"}),
           ask(ads, "/weighted-banners/20.0"), ask(ads, "/weighted-banners/400.5"), ask(ads, "/weighted-banners/1.0"),
           ask(ads, "/weighted-banners/20"), ask(ads, "/banners/1.jpg"), ask(ads, "/banners/nope.jpg"),
           ask(discounts, "/discount")]
doc = {"recorded": "DataDog/ecommerce-workshop at 9e6ae3b42 (ads-service-fixed, discounts-service-fixed), run by"
       " bench/workshop-side-by-side.sh with Debian bookworm's python3-flask 2.2.2, python3-flask-cors 3.0.10,"
       " python3-flask-sqlalchemy 3.0.3, python3-psycopg2 2.9.5, gunicorn 20.1.0 (2 workers, --preload) on PostgreSQL 15;"
       " see README.md beside this file", "answers": answers}
with open("src/test/resources/workshop/recorded.json", "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
print("recorded", len(answers), "answers in src/test/resources/workshop/recorded.json")
PY
fi

rows() { curl -fs "$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
# CPU seconds used so far by a process and its descendants (the gunicorn master and workers; the JVM), without the
# database: on a shared machine req/s follows the neighbours, CPU per request much less
cpu() {
  local pids=$1 all=$1 p
  while [ -n "$pids" ]; do
    pids=$(for p in $pids; do ps -o pid= --ppid "$p"; done | tr -s ' \n' ' ')
    all="$all $pids"
  done
  for p in $all; do [ -r /proc/$p/stat ] && awk '{print $14 + $15}' /proc/$p/stat; done | awk -v hz="$(getconf CLK_TCK)" '{t+=$1} END {printf "%.2f", t/hz}'
}
measure() { # url pid -> "req/s p50 p99 errors cpu-ms-per-request"
  local before after out
  before=$(cpu "$2")
  out=$(wrk -t2 -c32 -d"$DURATION" --latency "$1")
  after=$(cpu "$2")
  awk -v cpu="$(awk -v a="$after" -v b="$before" 'BEGIN {print a - b}')" '
    /requests in/ {n=$1}
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {err+=$NF}
    /Socket errors/ {gsub(",", ""); err+=$4+$6+$8+$10}
    END {printf "%s %s %s %d %.3f\n", rps, p50, p99, err, 1000 * cpu / n}' <<<"$out"
}
printf '| endpoint | service | rows | req/s | p50 | p99 | errors | CPU ms/request |\n|---|---|---:|---:|---:|---:|---:|---:|\n'
ratios=()
for endpoint in /ads /discount; do
  if [ $endpoint = /ads ]; then theirs="http://127.0.0.1:$ADS_PORT$endpoint"; their_pid=${pids[0]}
  else theirs="http://127.0.0.1:$DISCOUNTS_PORT$endpoint"; their_pid=${pids[1]}; fi
  ours="http://127.0.0.1:$SHOP_PORT$endpoint"
  wrk -t2 -c32 -d"$WARMUP" "$theirs" >/dev/null; wrk -t2 -c32 -d"$WARMUP" "$ours" >/dev/null
  read -r t_rps t_p50 t_p99 t_err t_cpu < <(measure "$theirs" "$their_pid"); t_rows=$(rows "$theirs")
  read -r o_rps o_p50 o_p99 o_err o_cpu < <(measure "$ours" "${pids[2]}"); o_rows=$(rows "$ours")
  printf '| %s | workshop | %s | %s | %s | %s | %s | %s |\n' $endpoint "$t_rows" "$t_rps" "$t_p50" "$t_p99" "$t_err" "$t_cpu"
  printf '| %s | mir shop | %s | %s | %s | %s | %s | %s |\n' $endpoint "$o_rows" "$o_rps" "$o_p50" "$o_p99" "$o_err" "$o_cpu"
  ratios+=("$(awk -v o="$o_rps" -v t="$t_rps" -v orow="$o_rows" -v trow="$t_rows" -v oc="$o_cpu" -v tc="$t_cpu" -v e=$endpoint \
    'BEGIN {printf "%s: ours %.1f× theirs in req/s (%.1f× per row returned); %.1f× less CPU per request (%.1f× per row)", e, o/t, (o*orow)/(t*trow), tc/oc, (tc/trow)/(oc/orow)}')")
done
printf '%s\n' "${ratios[@]}"
