#!/usr/bin/env bash
# Measures POST /v1/events (issue 19): concurrent HTTP clients posting single events to the
# packaged audit-server (a child JVM) on the Debian PostgreSQL 15 cluster of this machine,
# beside the store's write of the same events from as many threads on the same database.
#
#   bash audit-benchmarks/run-server-benchmark.sh
#   bash audit-benchmarks/run-server-benchmark.sh /path/to/audit-server-before.jar   # also a build before a change, same passes
#   BENCH_JAVA_OPTS="-Dbench.events=500 -Dbench.passes=1" bash audit-benchmarks/run-server-benchmark.sh   # smoke run
#   BENCH_JAVA_OPTS="-Dbench.server.jfr=/tmp" ...   # a Flight Recorder profile of each server
set -euo pipefail

cd "$(dirname "$0")/.."

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

before_jar=${1:-}
if [[ -n "$before_jar" ]]; then
  before_jar=$(realpath "$before_jar")
fi

echo "Building audit-server and audit-benchmarks"
./mvnw -B -q -ntp -pl audit-server,audit-benchmarks -am package -DskipTests

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
results=audit-benchmarks/target/server-benchmark.md
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.server.ServerIngestBenchmark \
  audit-server/target/audit-server-0.1.0-SNAPSHOT.jar "$results" $before_jar
echo "Results written to $results"
