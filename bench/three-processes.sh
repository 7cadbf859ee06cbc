#!/usr/bin/env bash
# The three services as three processes on one machine, as in Kubernetes: one PostgreSQL database with one schema per
# service (production: RDS), never a database shared by accident (bench/local-postgres.sh says why and how).
#
#   mvn -B package -DskipTests && bench/three-processes.sh     # storefront on :8080, discounts :8081, ads :8082
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }

# shellcheck source=bench/local-postgres.sh
. bench/local-postgres.sh
export SHOP_SERVICE_TOKEN=${SHOP_SERVICE_TOKEN:-$(openssl rand -hex 24)}   # the same in every process
export SHOP_CSRF_KEY=${SHOP_CSRF_KEY:-$(openssl rand -hex 32)}

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
start() { # role port [env...]
  local role=$1 http=$2; shift 2
  env SHOP_ROLE="$role" QUARKUS_HTTP_PORT="$http" "$@" java -jar "$jar" > "target/$role.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fsS "http://localhost:$http/q/health/ready" >/dev/null 2>&1 && { echo "$role ready on :$http (log target/$role.log)"; return; }
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "$role failed, see target/$role.log" >&2; exit 1; }
    sleep 1
  done
  echo "$role not ready after 120 s, see target/$role.log" >&2; exit 1
}
start discounts 8081
start ads 8082
start storefront 8080 QUARKUS_REST_CLIENT_DISCOUNTS_URL=http://localhost:8081 \
  QUARKUS_REST_CLIENT_ADS_URL=http://localhost:8082 STOREFRONT_ADS_PUBLIC_URL=http://localhost:8082
echo "shop: http://localhost:8080/  (Ctrl-C stops all three)"
wait
