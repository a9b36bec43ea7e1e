#!/usr/bin/env bash
# Measures whether hash-chain sealing keeps up with ingest (issue 7) on the Debian
# PostgreSQL 15 cluster of this machine, default durability. A short run by default:
#
#   bash audit-benchmarks/run-chain-benchmark.sh
#   BENCH_JAVA_OPTS="-Dbench.seconds=60 -Dbench.writers=8" bash audit-benchmarks/run-chain-benchmark.sh
#
# Uses the role and database of run-store-benchmarks.sh (created when missing), fresh tables
# per run (dropped at the end), and stops the cluster afterwards only if it started it.
set -euo pipefail

cd "$(dirname "$0")/.."

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
BENCH_DB=auditrail_bench
BENCH_ROLE=auditrail_bench
# A throwaway role on a local benchmark database, reachable only from this machine.
BENCH_PASSWORD=auditrail_bench

as_postgres() {
  (cd / && runuser -u postgres -- "$@")
}

started_cluster=no
stop_cluster_if_started() {
  if [[ "$started_cluster" == yes ]]; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
  fi
}
trap stop_cluster_if_started EXIT

if ! pg_lsclusters --no-header | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4 }' \
    | grep -q '^online'; then
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  started_cluster=yes
fi
for _ in $(seq 30); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 1
done
as_postgres psql -X -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$BENCH_ROLE') THEN
    CREATE ROLE $BENCH_ROLE LOGIN PASSWORD '$BENCH_PASSWORD';
  END IF;
END
\$\$;
SQL
if ! as_postgres psql -X -tA -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
  as_postgres createdb -O "$BENCH_ROLE" "$BENCH_DB"
fi

./mvnw -B -q -ntp -pl audit-benchmarks -am package -DskipTests

export AUDITRAIL_BENCH_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB?reWriteBatchedInserts=true"
export AUDITRAIL_BENCH_USER="$BENCH_ROLE"
export AUDITRAIL_BENCH_PASSWORD="$BENCH_PASSWORD"

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.chain.ChainSealingBenchmark
