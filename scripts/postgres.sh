#!/usr/bin/env bash
# Starts a local PostgreSQL server for forge's tests (installing Debian's package when it is
# missing) and prints the URL to export: FORGE_POSTGRES_URL=$(scripts/postgres.sh)
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q -h 127.0.0.1" && break
    sleep 1
done
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'forge'")" = "1" ] \
    || psql_admin "CREATE ROLE forge LOGIN SUPERUSER PASSWORD 'forge'" >&2
for database in forge_test forge_e2e forge_e2e_alter forge_relations forge_owned; do
    [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$database'")" = "1" ] \
        || psql_admin "CREATE DATABASE $database OWNER forge" >&2
done
echo "postgres://forge:forge@127.0.0.1:5432/forge_test?sslmode=disable"
