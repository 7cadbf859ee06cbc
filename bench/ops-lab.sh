#!/usr/bin/env bash
# The ops lab (issue 16, point 7): the shop as three processes (storefront :8080, discounts :8081, ads :8082, one
# local PostgreSQL with a schema per service, bench/local-postgres.sh), the load generator from the same jar
# (SHOP_ROLE=loadgen, :8083) walking the storefront, Prometheus (:9090) scraping them with our alert rules and the
# labels the ServiceMonitor gives, a blackbox exporter (:9115) probing the storefront as the Probe does, and
# Alertmanager (:9093). Faults are enabled in every process: flip one on the operator page
# http://localhost:8080/admin/faults (demo operator operator@mirshop.dev / mir-marketer-demo) and watch its alert
# in http://localhost:9090/alerts and http://localhost:9093 (docs/scenarios.md says which alert each fault fires).
#
#   mvn -B package -DskipTests && bench/ops-lab.sh
#
# Debian packages prometheus, prometheus-alertmanager and prometheus-blackbox-exporter are installed when missing
# (as root). OPS_LAB_RULES=fast (the default) loads a copy of grafana-dashboards/alerts/mir-shop.rules.yml in which
# only `for:` (10 s) and the evaluation intervals (5 s) are shortened, as FaultScenariosIT does; OPS_LAB_RULES=as-written
# loads the file itself. Ctrl-C stops everything the script started (by process id).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
grep -aq 'faults/lab-build.txt' target/quarkus-app/app/*.jar \
  || { echo "$jar is the production artifact (no faults): build without -Dproduction" >&2; exit 1; }

need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v prometheus-blackbox-exporter >/dev/null 2>&1 || need+=(prometheus-blackbox-exporter)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The lab runs its own copies with its own configuration; Debian may have started the packaged services on the same
# ports (systemctl stop prometheus prometheus-alertmanager prometheus-blackbox-exporter frees them).
for port in 8080 8081 8082 8083 9090 9093 9115; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    echo "port $port is in use: stop what listens there first" >&2; exit 1
  fi
done

# shellcheck source=bench/local-postgres.sh
. bench/local-postgres.sh
export SHOP_SERVICE_TOKEN=${SHOP_SERVICE_TOKEN:-$(openssl rand -hex 24)}   # the same in every process
export SHOP_CSRF_KEY=${SHOP_CSRF_KEY:-$(openssl rand -hex 32)}
export SHOP_FAULTS_ENABLED=true DD_ENV=lab DD_VERSION=${DD_VERSION:-lab}
export QUARKUS_REST_CLIENT_DISCOUNTS_URL=http://127.0.0.1:8081 QUARKUS_REST_CLIENT_ADS_URL=http://127.0.0.1:8082 \
  STOREFRONT_ADS_PUBLIC_URL=http://localhost:8082 SHOP_LOADGEN_URL=http://127.0.0.1:8083 \
  SHOP_LOADGEN_TARGET=http://127.0.0.1:8080

lab=target/ops-lab
rm -rf "$lab" && mkdir -p "$lab"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
wait_for() { # name url pid
  for _ in $(seq 1 180); do
    curl -fsS -o /dev/null "$2" 2>/dev/null && { echo "$1 ready ($2)"; return; }
    kill -0 "$3" 2>/dev/null || { echo "$1 failed, see $lab/$1.log" >&2; exit 1; }
    sleep 1
  done
  echo "$1 not ready after 180 s, see $lab/$1.log" >&2; exit 1
}
shop() { # role port [heap MiB]; the image's collector (serial)
  SHOP_ROLE=$1 QUARKUS_HTTP_PORT=$2 java -Xmx"${3:-256}"m -XX:+UseSerialGC -jar "$jar" > "$lab/$1.log" 2>&1 &
  pids+=($!)
  wait_for "$1" "http://127.0.0.1:$2/q/health/ready" "$!"
}
shop discounts 8081
# ads-memory-leak overflows the old generation (two thirds of the heap) without an OutOfMemoryError: MirShopHeapNearlyFull
SHOP_FAULTS_LEAK_CAP_MIB=384 shop ads 8082 512
shop storefront 8080
shop loadgen 8083

rules=grafana-dashboards/alerts/mir-shop.rules.yml
if [ "${OPS_LAB_RULES:-fast}" = fast ]; then
  sed -E -e 's/^  interval: \S+$/  interval: 5s/' -e 's/^    for: \S+$/    for: 10s/' "$rules" > "$lab/mir-shop.rules.yml"
  rules=$lab/mir-shop.rules.yml
fi
cat > "$lab/blackbox.yml" <<'YAML'
modules:
  http_2xx:
    prober: http
    timeout: 2s
    http:
      preferred_ip_protocol: ip4
YAML
cat > "$lab/alertmanager.yml" <<'YAML'
route:
  receiver: lab
  group_by: [alertname, service]
  group_wait: 5s
  group_interval: 10s
receivers:
  - name: lab
YAML
{
  cat <<YAML
global: {scrape_interval: 5s, evaluation_interval: 5s}
rule_files: ['$PWD/$rules']
alerting: {alertmanagers: [{static_configs: [{targets: ['127.0.0.1:9093']}]}]}
scrape_configs:
YAML
  for job in storefront-metrics:8080:storefront ads:8082:ads discounts:8081:discounts; do
    IFS=: read -r name port role <<< "$job"
    cat <<YAML
  - job_name: $name
    honor_labels: true
    metrics_path: /q/metrics
    static_configs:
      - targets: ['127.0.0.1:$port']
        labels: {namespace: ecommerce, pod: $role-lab, rollouts_pod_template_hash: lab}
YAML
  done
  cat <<'YAML'
  - job_name: mir-shop-public
    metrics_path: /probe
    params: {module: [http_2xx]}
    static_configs:
      - targets: ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/q/health/ready']
        labels: {service: storefront}
    relabel_configs:
      - {source_labels: [__address__], target_label: __param_target}
      - {source_labels: [__param_target], target_label: instance}
      - {target_label: __address__, replacement: '127.0.0.1:9115'}
YAML
} > "$lab/prometheus.yml"

prometheus-blackbox-exporter --config.file="$lab/blackbox.yml" --web.listen-address=127.0.0.1:9115 > "$lab/blackbox.log" 2>&1 &
pids+=($!)
prometheus-alertmanager --config.file="$lab/alertmanager.yml" --storage.path="$lab/am-data" \
  --web.listen-address=127.0.0.1:9093 --cluster.listen-address= > "$lab/alertmanager.log" 2>&1 &
pids+=($!)
wait_for alertmanager http://127.0.0.1:9093/-/ready "$!"
prometheus --config.file="$lab/prometheus.yml" --storage.tsdb.path="$lab/prometheus-data" \
  --web.listen-address=127.0.0.1:9090 > "$lab/prometheus.log" 2>&1 &
pids+=($!)
wait_for prometheus http://127.0.0.1:9090/-/ready "$!"

cat <<EOF

Ops lab running (logs in $lab/, Ctrl-C stops everything):
  shop              http://localhost:8080/
  operator page     http://localhost:8080/admin/faults   (operator@mirshop.dev / mir-marketer-demo)
  Prometheus        http://localhost:9090/alerts         (rules: ${OPS_LAB_RULES:-fast})
  Alertmanager      http://localhost:9093/
  fault API         curl -H "Authorization: Bearer \$SHOP_SERVICE_TOKEN" -X PUT -H 'Content-Type: application/json' \\
                      -d '{"severity":100,"duration":"10m"}' http://localhost:8082/api/ads/faults/ads-failing
  SHOP_SERVICE_TOKEN=$SHOP_SERVICE_TOKEN
Each fault, the alert it fires and its runbook: docs/scenarios.md.
EOF
wait
