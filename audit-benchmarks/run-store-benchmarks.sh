#!/usr/bin/env bash
# Runs the store benchmarks of issue 4 against the Debian PostgreSQL 15 cluster of this
# machine, with its default durability settings, and prints the results table.
#
#   bash audit-benchmarks/run-store-benchmarks.sh
#
# Re-runnable: the role and database are created only when missing, the million-row read
# table is reused when it is complete, and the cluster is stopped at the end only if this
# script started it. Extra JVM options go in BENCH_JAVA_OPTS, for example
#   BENCH_JAVA_OPTS="-Dbench.only=query -Dbench.passes=1" bash audit-benchmarks/run-store-benchmarks.sh
set -euo pipefail

cd "$(dirname "$0")/.."

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

echo "Building audit-benchmarks"
./mvnw -B -q -ntp -pl audit-benchmarks -am package -DskipTests

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
results=audit-benchmarks/target/store-benchmarks.md
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.StoreBenchmarks "$results"
echo "Results written to $results"
