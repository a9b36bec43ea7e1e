# Sourced by the benchmark scripts: starts the Debian PostgreSQL 15 cluster of this machine
# with its default durability settings if it is down (and stops it on exit only then),
# creates the benchmark role and database if missing, and exports AUDITRAIL_BENCH_URL,
# AUDITRAIL_BENCH_USER and AUDITRAIL_BENCH_PASSWORD for the benchmark JVMs.

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
BENCH_DB=${AUDITRAIL_BENCH_DB:-auditrail_bench}
BENCH_ROLE=auditrail_bench
# A throwaway role on a local benchmark database, reachable only from this machine.
BENCH_PASSWORD=auditrail_bench

as_postgres() {
  (cd / && runuser -u postgres -- "$@")
}

cluster_is_online() {
  pg_lsclusters --no-header | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4 }' \
    | grep -q '^online'
}

started_cluster=no
stop_cluster_if_started() {
  if [[ "$started_cluster" == yes ]]; then
    echo "Stopping PostgreSQL $PG_VERSION/$PG_CLUSTER (started by this script)"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
  fi
}
trap stop_cluster_if_started EXIT

if cluster_is_online; then
  echo "PostgreSQL $PG_VERSION/$PG_CLUSTER is already running; leaving it running afterwards"
else
  echo "Starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  started_cluster=yes
fi
for _ in $(seq 30); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT"
as_postgres psql -X -q -v ON_ERROR_STOP=1 -c "SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') AS durability" -t

as_postgres psql -X -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$BENCH_ROLE') THEN
    CREATE ROLE $BENCH_ROLE LOGIN PASSWORD '$BENCH_PASSWORD';
  END IF;
END
\$\$;
-- Lets the benchmark checkpoint between passes without being a superuser.
GRANT pg_checkpoint TO $BENCH_ROLE;
SQL
if ! as_postgres psql -X -tA -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
  as_postgres createdb -O "$BENCH_ROLE" "$BENCH_DB"
fi

export AUDITRAIL_BENCH_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB?reWriteBatchedInserts=true"
export AUDITRAIL_BENCH_USER="$BENCH_ROLE"
export AUDITRAIL_BENCH_PASSWORD="$BENCH_PASSWORD"
