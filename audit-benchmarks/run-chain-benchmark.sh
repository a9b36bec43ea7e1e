#!/usr/bin/env bash
# Measures whether hash-chain sealing keeps up with ingest (issue 7) on the Debian
# PostgreSQL 15 cluster of this machine, default durability. A short run by default:
#
#   bash audit-benchmarks/run-chain-benchmark.sh
#   BENCH_JAVA_OPTS="-Dbench.seconds=60 -Dbench.writers=8" bash audit-benchmarks/run-chain-benchmark.sh
#
# Uses the role and database of the other benchmark scripts (created when missing), fresh
# tables per run (dropped at the end), and stops the cluster afterwards only if it started it.
set -euo pipefail

cd "$(dirname "$0")/.."

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

./mvnw -B -q -ntp -pl audit-benchmarks -am package -DskipTests

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.auditrail.benchmarks.chain.ChainSealingBenchmark
