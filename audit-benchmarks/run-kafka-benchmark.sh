#!/usr/bin/env bash
# Measures Kafka throughput (issue 10) in one run: KafkaAuditSink.write and the AsyncDispatcher
# in front of it from 1 and 2 threads beside a raw producer with the sink's settings, and
# KafkaAuditLoader into the Debian PostgreSQL 15 cluster of this machine (default durability)
# beside a consume-only consumer and the store alone; prints the results table.
#
#   bash audit-benchmarks/run-kafka-benchmark.sh           # full run, about 10 minutes on 2 cores
#   bash audit-benchmarks/run-kafka-benchmark.sh --quick   # smoke run, about 2 minutes: numbers are not meaningful
#
# The broker runs in a child JVM with its data in a temporary directory removed at the end; the
# PostgreSQL cluster is started if it is down and stopped at the end only then; the benchmark's
# table is dropped at the end. Extra JVM options go in BENCH_JAVA_OPTS, for example
#   BENCH_JAVA_OPTS="-Dbench.passes=5 -Dbench.loader.events=500000" bash audit-benchmarks/run-kafka-benchmark.sh
set -euo pipefail

cd "$(dirname "$0")/.."

sizes="-Dbench.passes=3 -Dbench.seconds=10 -Dbench.warmup.seconds=3 -Dbench.loader.events=200000 -Dbench.warmup.events=20000"
if [[ "${1:-}" == --quick ]]; then
  sizes="-Dbench.passes=1 -Dbench.seconds=2 -Dbench.warmup.seconds=1 -Dbench.loader.events=20000 -Dbench.warmup.events=5000"
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--quick]" >&2
  exit 2
fi

# shellcheck source=audit-benchmarks/bench-postgres.sh
source audit-benchmarks/bench-postgres.sh

broker_dir=$(mktemp -d -t auditrail-kafka-bench.XXXXXX)
cleanup() {
  rm -rf "$broker_dir"
  stop_cluster_if_started
}
trap cleanup EXIT

echo "Building audit-benchmarks"
./mvnw -B -q -ntp -pl audit-benchmarks -am package -DskipTests

classpath="audit-benchmarks/target/classes:$(cat audit-benchmarks/target/runtime-classpath.txt)"
# The broker's main and spring-kafka-test are on the test classpath only.
broker_classpath="audit-benchmarks/target/test-classes:audit-benchmarks/target/classes:$(cat audit-benchmarks/target/test-classpath.txt)"
results=audit-benchmarks/target/kafka-benchmark.md
# Kafka's clients log every configuration at INFO; warnings are enough here.
# shellcheck disable=SC2086 # sizes and BENCH_JAVA_OPTS are lists of options
java -Xmx2g -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn $sizes ${BENCH_JAVA_OPTS:-} \
  -Dbench.broker.classpath="$broker_classpath" -Dbench.broker.tmpdir="$broker_dir" \
  -cp "$classpath" io.auditrail.benchmarks.kafka.KafkaThroughputBenchmark "$results"
echo "Results written to $results"
