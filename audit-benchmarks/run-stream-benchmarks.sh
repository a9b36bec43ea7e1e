#!/usr/bin/env bash
# The log-stream benchmarks (issue 20) on the Debian PostgreSQL 15 cluster of this machine,
# default durability: one stream's delivery rate to a loopback webhook receiver over the
# store's read rate of the same rows, and the delivery lag under a steady 1,000 events/s.
# Prints every pass and a results table (also written to audit-benchmarks/target/stream-benchmarks.md).
#
#   bash audit-benchmarks/run-stream-benchmarks.sh
#   BENCH_JAVA_OPTS="-Dbench.passes=5 -Dbench.streams.rows=100000 -Dbench.streams.lag.seconds=30" \
#     bash audit-benchmarks/run-stream-benchmarks.sh
set -euo pipefail

cd "$(dirname "$0")/.."

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

./mvnw -B -q -ntp -pl audit-benchmarks -am package -DskipTests

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.streams.StreamBenchmarks \
  audit-benchmarks/target/stream-benchmarks.md
