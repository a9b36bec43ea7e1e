#!/usr/bin/env bash
# Only the sealing part of run-log-benchmarks.sh: whether sealing keeps up with ingest.
#
#   bash audit-benchmarks/run-chain-benchmark.sh
#   BENCH_JAVA_OPTS="-Dbench.seal.seconds=60 -Dbench.seal.configs=8x4" bash audit-benchmarks/run-chain-benchmark.sh
set -euo pipefail

BENCH_JAVA_OPTS="-Dbench.parts=seal ${BENCH_JAVA_OPTS:-}" exec bash "$(dirname "$0")/run-log-benchmarks.sh"
