#!/usr/bin/env bash
# The transparency log's benchmarks (issue 18) on the Debian PostgreSQL 15 cluster of this
# machine, default durability, in one run: sealing rate over ingest rate with 1 and 2 writers
# flooding 100-event batches, inclusion-proof latency in a tree of 5M leaves, and a full
# verification of 1M events beside a raw SELECT of the same rows. Prints every pass and a
# results table (also written to audit-benchmarks/target/log-benchmarks.md).
#
#   bash audit-benchmarks/run-log-benchmarks.sh
#   BENCH_JAVA_OPTS="-Dbench.parts=seal -Dbench.seal.configs=1x1" bash audit-benchmarks/run-log-benchmarks.sh
#   BENCH_JAVA_OPTS="-Dbench.parts=proof,verify -Dbench.proof.leaves=1000000" bash audit-benchmarks/run-log-benchmarks.sh
#
# Needs about 8 GB of disk for the 6M-event tables. Uses the role and database of the other
# benchmark scripts (created when missing), fresh tables (dropped at the end), and stops the
# cluster afterwards only if it started it.
set -euo pipefail

cd "$(dirname "$0")/.."

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

./mvnw -B -q -ntp -pl audit-benchmarks -am package -DskipTests

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.chain.LogBenchmarks \
  audit-benchmarks/target/log-benchmarks.md
