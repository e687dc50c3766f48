#!/usr/bin/env bash
# MCPRegistry sync benchmark of issue 11 (a measurement, not a timed test): sync time, cache size
# and catalog heap for 1,000 and 10,000 entries served by the loopback v0.1 registry (operator test
# class io.mcpoperator.operator.mcpregistry.RegistryBench, excluded from the normal test run).
# Writes hack/bench/results/registry.md. Settings through BENCH_OPTS, e.g. BENCH_OPTS="-Dbench.rounds=5".
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../find-jdk.sh
source "$root/hack/find-jdk.sh"
cd "$root"
out=${BENCH_OUT:-$root/hack/bench/results/registry.md}
# shellcheck disable=SC2086
./mvnw -B -q -o -pl operator test -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dtest=RegistryBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.out="$out" ${BENCH_OPTS:-}
echo "results: $out"
