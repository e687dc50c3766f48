#!/usr/bin/env bash
# Operator memory at N MCPServers (issue 14; a measurement, not a test): runs the packaged operator
# jar against the cluster of KUBECONFIG (any API server: kind, k3d, a real control plane; nothing is
# started here), creates MCPServers in a namespace of its own, waits until every one has its
# Deployment and a status phase, lets it settle, then takes RSS (/proc/PID/status VmRSS) and the live
# heap (used heap after a full GC, jcmd GC.run + GC.heap_info). Writes
# hack/bench/results/operator-memory.md (one row per count and JVM option set).
#
# Settings (environment):
#   KUBECONFIG             cluster to use (required)
#   BENCH_COUNTS="100 1000"   server counts, ascending; servers are added, never recreated
#   BENCH_NAMESPACE=mcp-bench-memory   deleted at the end unless BENCH_KEEP=1
#   OPERATOR_JAVA_OPTS     JVM options; default: operator/jvm.options as the image uses it, with
#                          -XX:MaxRAM=512m standing in for the Deployment's 512Mi memory limit
#   BENCH_SETTLE=20        seconds to wait after convergence before measuring
#   BENCH_TIMEOUT=900      seconds to wait for convergence at each count before giving up
#   BENCH_OUT              results file
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../find-jdk.sh
source "$root/hack/find-jdk.sh"
: "${KUBECONFIG:?set KUBECONFIG to the cluster to measure against}"
export KUBECONFIG
counts=${BENCH_COUNTS:-100 1000}
ns=${BENCH_NAMESPACE:-mcp-bench-memory}
settle=${BENCH_SETTLE:-20}
out=${BENCH_OUT:-$here/results/operator-memory.md}
jar=$root/operator/target/mcp-operator.jar
opts=${OPERATOR_JAVA_OPTS:-@$root/operator/jvm.options -XX:MaxRAM=512m}
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B -pl operator -am package -DskipTests" >&2; exit 1; }
log=$(mktemp /tmp/mcp-bench-operator.XXXXXX.log)

kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ "${BENCH_KEEP:-0}" = 1 ] || kubectl delete namespace "$ns" --wait=false >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck disable=SC2086
LOG_FORMAT=text HEALTH_PORT=${BENCH_HEALTH_PORT:-18481} LEADER_ELECTION_ENABLED=false \
  WATCH_NAMESPACES="$ns" "$JAVA_HOME/bin/java" $opts -jar "$jar" >"$log" 2>&1 &
pid=$!
echo "operator pid $pid, log $log, JVM options: $opts"

servers() { # from to: MCPServer documents bench-<from>..bench-<to>
  for i in $(seq "$1" "$2"); do
    cat <<EOF
---
apiVersion: mcpoperator.io/v1alpha1
kind: MCPServer
metadata: {name: bench-$i, namespace: $ns}
spec:
  image: node
  tag: 22-alpine
  command: ["npx", "-y", "@modelcontextprotocol/server-everything"]
  env: [{name: npm_config_cache, value: /tmp/.npm}]
EOF
  done
}

count_ready() { # servers with a Deployment and a status phase
  local deployments phases
  deployments=$(kubectl get deployments -n "$ns" -l app.kubernetes.io/managed-by=mcp-operator \
    --no-headers 2>/dev/null | wc -l)
  phases=$(kubectl get mcpservers -n "$ns" -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' \
    2>/dev/null | grep -c . || true)
  echo $((deployments < phases ? deployments : phases))
}

mib() { awk '{printf "%.0f", $1 / 1024}'; }

if [ ! -f "$out" ]; then
  {
    echo "# Operator memory at N MCPServers"
    echo
    echo "Written by \`hack/bench/operator-memory.sh\`. RSS from /proc; live heap = heap used after a"
    echo "full GC (jcmd GC.run). Goal (issue 14): RSS <= 300 MiB at 1,000 servers."
    echo
    echo "| date | build | API server | JVM options | servers | converged in | RSS MiB | live heap MiB | committed heap MiB |"
    echo "|---|---|---|---|---:|---:|---:|---:|---:|"
  } >"$out"
fi
build=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')
server_version=$(kubectl version -o json 2>/dev/null | sed -n 's/.*"gitVersion": "\(v[^"]*\)".*/\1/p' | tail -1)

created=0
for n in $counts; do
  start=$(date +%s)
  servers $((created + 1)) "$n" | kubectl apply -f - >/dev/null
  created=$n
  until [ "$(count_ready)" -ge "$n" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "operator exited; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    if [ $(($(date +%s) - start)) -gt "${BENCH_TIMEOUT:-900}" ]; then
      echo "only $(count_ready) of $n servers converged in ${BENCH_TIMEOUT:-900}s; see $log" >&2
      grep -m5 -E 'WARN|ERROR' "$log" >&2 || true
      exit 1
    fi
    sleep 2
  done
  took=$(($(date +%s) - start))
  sleep "$settle"
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  sleep 1
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" | mib)
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info)
  # Serial/G1/Parallel all print "total <committed>K, used <used>K" per space or for the heap
  used=$(echo "$heap" | grep -oE 'used [0-9]+K' | grep -oE '[0-9]+' | awk '{s += $1} END {print s}')
  committed=$(echo "$heap" | grep -oE 'total [0-9]+K' | grep -oE '[0-9]+' | awk '{s += $1} END {print s}')
  if echo "$heap" | grep -q 'garbage-first heap'; then # G1 prints the heap once, then regions
    used=$(echo "$heap" | grep 'garbage-first heap' | grep -oE 'used [0-9]+K' | grep -oE '[0-9]+')
    committed=$(echo "$heap" | grep 'garbage-first heap' | grep -oE 'total [0-9]+K' | grep -oE '[0-9]+')
  fi
  printf '| %s | %s | %s | `%s` | %d | %d s | %s | %s | %s |\n' "$(date -u +%F)" "$build" "${server_version:-?}" \
    "${opts//$root\//}" "$n" "$took" "$rss" "$(echo "$used" | mib)" "$(echo "$committed" | mib)" | tee -a "$out"
done
echo "results: $out"
