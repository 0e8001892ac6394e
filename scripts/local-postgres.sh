#!/usr/bin/env bash
# Makes sure a local PostgreSQL server (Debian's package) runs and holds the database the end-to-end tests use.
# Debian machines of this project run as root, and initdb refuses root: the cluster is created and started the
# Debian way (pg_createcluster / pg_ctlcluster run the server as the postgres user).
#
# Environment (defaults in brackets): E2E_DB_NAME [decisions_e2e], E2E_DB_USER [decisions], E2E_DB_PASSWORD [decisions],
# E2E_DB_PORT [5432].
set -euo pipefail

DB_NAME=${E2E_DB_NAME:-decisions_e2e}
DB_USER=${E2E_DB_USER:-decisions}
DB_PASSWORD=${E2E_DB_PASSWORD:-decisions}
DB_PORT=${E2E_DB_PORT:-5432}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: installing Debian's postgresql package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${VERSION} main$"; then
  echo "Creating PostgreSQL ${VERSION} cluster 'main' on port ${DB_PORT}"
  as_root pg_createcluster --port "${DB_PORT}" "${VERSION}" main >/dev/null
fi
STATUS=$(pg_lsclusters -h | awk -v v="${VERSION}" '$1==v && $2=="main" {print $4}')
if [ "${STATUS}" != "online" ]; then
  echo "Starting PostgreSQL ${VERSION}/main"
  as_root pg_ctlcluster "${VERSION}" main start
fi
PORT=$(pg_lsclusters -h | awk -v v="${VERSION}" '$1==v && $2=="main" {print $3}')

for _ in $(seq 1 30); do
  if as_root runuser -u postgres -- pg_isready -q -p "${PORT}"; then break; fi
  sleep 1
done
as_root runuser -u postgres -- pg_isready -p "${PORT}"

psql_admin() { as_root runuser -u postgres -- psql -p "${PORT}" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '${DB_USER}'")" != "1" ]; then
  psql_admin -c "CREATE ROLE \"${DB_USER}\" LOGIN PASSWORD '${DB_PASSWORD}'"
else
  psql_admin -c "ALTER ROLE \"${DB_USER}\" LOGIN PASSWORD '${DB_PASSWORD}'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE \"${DB_NAME}\" OWNER \"${DB_USER}\""
fi
echo "PostgreSQL ${VERSION} is up on port ${PORT}; database ${DB_NAME}, user ${DB_USER}"
