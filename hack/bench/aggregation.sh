#!/usr/bin/env bash
# Aggregation benchmark of issue 4 (a measurement, not a timed test): tools/call of an HTTP tool
# through the gateway vs the same backend called directly, prompts/get for the gateway's own share,
# and the response cache's hit ratio in a repeat-call run. Everything runs in one JVM on 127.0.0.1
# (sidecar test class io.mcpoperator.gateway.aggregate.AggregationBench, excluded from the normal
# test run). Writes hack/bench/results/aggregation.txt.
#
# Settings (system properties through BENCH_OPTS, e.g. BENCH_OPTS="-Dbench.rounds=10"):
#   bench.warmup=3000 bench.rounds=5 bench.calls=1000 bench.cacheCalls=5000 bench.cities=50
#   bench.out=<file>   (default hack/bench/results/aggregation.txt)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../find-jdk.sh
source "$root/hack/find-jdk.sh"
cd "$root"
out=${BENCH_OUT:-$root/hack/bench/results/aggregation.txt}
# shellcheck disable=SC2086
./mvnw -B -q -o -pl sidecar -am test -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dtest=AggregationBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbuild.root="${BENCH_BUILD_ROOT:-/tmp/mcp-bench-aggregation}" \
  -Dbench.out="$out" ${BENCH_OPTS:-}
echo "results: $out"
