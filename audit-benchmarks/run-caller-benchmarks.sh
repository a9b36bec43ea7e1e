#!/usr/bin/env bash
# Runs the caller-overhead benchmarks of issue 9 (a direct call, a no-op proxy, @Audited
# async and transactional, JaVers' @JaversAuditable) on H2 and on the Debian PostgreSQL 15
# cluster of this machine with its default durability settings, and prints the results table.
#
#   bash audit-benchmarks/run-caller-benchmarks.sh           # full run, about 13 minutes on 2 cores
#   bash audit-benchmarks/run-caller-benchmarks.sh --quick   # smoke run, about 3 minutes: numbers are not meaningful
#
# The cluster is started if it is down and stopped at the end only then. Extra JVM options go
# in BENCH_JAVA_OPTS, for example
#   BENCH_JAVA_OPTS="-Dbench.databases=H2 -Dbench.passes=5" bash audit-benchmarks/run-caller-benchmarks.sh
set -euo pipefail

cd "$(dirname "$0")/.."

sizes="-Dbench.passes=3 -Dbench.warmup=5 -Dbench.measurement=5 -Dbench.seconds=2"
if [[ "${1:-}" == --quick ]]; then
  sizes="-Dbench.passes=1 -Dbench.warmup=1 -Dbench.measurement=1 -Dbench.seconds=1"
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--quick]" >&2
  exit 2
fi

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

echo "Building audit-benchmarks"
./mvnw -B -q -ntp -pl audit-benchmarks -am package -DskipTests

# The caller benchmarks live in the test sources, beside their test-scope Spring and JaVers.
classpath="audit-benchmarks/target/test-classes:audit-benchmarks/target/classes:$(cat audit-benchmarks/target/test-classpath.txt)"
results=audit-benchmarks/target/caller-benchmarks.md
# shellcheck disable=SC2086 # sizes and BENCH_JAVA_OPTS are lists of options
java -Xmx512m $sizes ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.caller.CallerBenchmarks "$results"
echo "Results written to $results"
