# Sourced by the scripts that run the shop as several processes (bench/three-processes.sh, bench/resilience.sh):
# exports QUARKUS_DATASOURCE_* so that every process uses one local PostgreSQL database, one schema per service, as
# production does with RDS. Without it each packaged process would start its own embedded PostgreSQL on the port fixed
# when the jar was built, and the second would refuse to start (platform.persistence.EmbeddedDatabaseOwnership).
# Uses Debian's PostgreSQL, installed and started when missing (needs root); the password is made once and kept in
# ~/.config/mir-shop/db-password (MIRSHOP_DB_PASSWORD_FILE), never in the repository.
# MIRSHOP_DB names the database (default mirshop; bench/resilience.sh uses its own, so runs start from the demo data).
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
read -r _pg_version _pg_cluster _pg_port _ < <(pg_lsclusters -h | head -n 1)
pg_ctlcluster "$_pg_version" "$_pg_cluster" start 2>/dev/null || true

_pg_db=${MIRSHOP_DB:-mirshop}
_pg_password_file=${MIRSHOP_DB_PASSWORD_FILE:-$HOME/.config/mir-shop/db-password}
mkdir -p "$(dirname "$_pg_password_file")"
[ -s "$_pg_password_file" ] || (umask 077; openssl rand -hex 16 > "$_pg_password_file")
_pg_password=$(cat "$_pg_password_file")
runuser -u postgres -- psql -q -p "$_pg_port" -v ON_ERROR_STOP=1 -v pw="$_pg_password" -v db="$_pg_db" <<'SQL'
SELECT format('CREATE ROLE mirshop LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mirshop') \gexec
SELECT format('ALTER ROLE mirshop PASSWORD %L', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER mirshop', :'db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL

# the named datasources' variables have double underscores: QUARKUS_DATASOURCE__ADS__JDBC_URL
for _pg_ds in "" "_DISCOUNTS__" "_ADS__"; do
  export "QUARKUS_DATASOURCE_${_pg_ds}JDBC_URL=jdbc:postgresql://localhost:$_pg_port/$_pg_db" \
         "QUARKUS_DATASOURCE_${_pg_ds}USERNAME=mirshop" "QUARKUS_DATASOURCE_${_pg_ds}PASSWORD=$_pg_password"
done
