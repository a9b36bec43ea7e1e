#!/usr/bin/env bash
# Measures reads through the hosted-API client (issue 21): query page latency and export rows/s
# through AuditrailClient against the packaged audit-server (a child JVM) on the Debian
# PostgreSQL 15 cluster of this machine, beside JdbcAuditStore's own read of the same rows.
#
#   bash audit-benchmarks/run-client-benchmark.sh
#   BENCH_JAVA_OPTS="-Dbench.events=20000 -Dbench.passes=1" bash audit-benchmarks/run-client-benchmark.sh   # smoke run
set -euo pipefail

cd "$(dirname "$0")/.."

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

# A database of this benchmark's own, dropped at the end, so no other benchmark's rows are read.
CLIENT_DB=client21_bench
as_postgres dropdb --if-exists "$CLIENT_DB"
as_postgres createdb -O "$BENCH_ROLE" "$CLIENT_DB"
drop_client_db() {
  as_postgres dropdb --if-exists "$CLIENT_DB" || true
  stop_cluster_if_started
}
trap drop_client_db EXIT
export AUDITRAIL_BENCH_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$CLIENT_DB?reWriteBatchedInserts=true"

echo "Building audit-server and audit-benchmarks"
./mvnw -B -q -ntp -pl audit-server,audit-benchmarks -am package -DskipTests

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
results=audit-benchmarks/target/client-benchmark.md
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.client.ClientReadBenchmark \
  audit-server/target/audit-server-0.1.0-SNAPSHOT.jar "$results"
echo "Results written to $results"
