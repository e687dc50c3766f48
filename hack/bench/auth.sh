#!/usr/bin/env bash
# Token validation latency of the gateway (issue 12), a benchmark, not a timed test: runs
# sidecar's AuthLatencyBenchmark (a real OpenID Connect provider, mock-oauth2-server, in the JVM;
# warm key cache) and writes hack/bench/results/auth.md. Needs a JDK >= 21; offline Maven once the
# build has run. Run it on a quiet machine.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../find-jdk.sh
source "$root/hack/find-jdk.sh"
out=${BENCH_OUT:-$here/results/auth.md}
cd "$root"
load=$(cut -d' ' -f1 /proc/loadavg)
./mvnw -B -o -q -pl sidecar -am test -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=AuthLatencyBenchmark -Dbench.out="$out"
printf '\nMeasured at commit %s%s; load average %s when the run began.\n' "$(git rev-parse --short HEAD)" \
  "$(git diff --quiet HEAD -- sidecar || echo ' + uncommitted changes')" "$load" >>"$out"
cat "$out"
