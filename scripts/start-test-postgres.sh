#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1 and creates the role the tests use.
# Idempotent: safe to run when the server is already up. Prints the URL to export.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"' | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -q || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ramp') THEN
    CREATE ROLE ramp LOGIN PASSWORD 'ramp' CREATEDB;
  END IF;
END $$;
SQL
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'ramp'\"" | grep -q 1 \
  || su postgres -c "createdb -O ramp ramp"
echo "postgresql://ramp:ramp@127.0.0.1:5432/ramp"
