#!/usr/bin/env bash
# The mutation fuzz of issue 15 (not a timed test): FUZZ_INPUTS hostile POST /mcp requests (bodies
# from the build's Mutator: byte flips, truncation, duplication, deep nesting, huge numbers and
# strings, random unicode, junk batches, from valid initialize / tools/list / tools/call / ping /
# notification / batch / response seeds; headers mutated by the driver: content types, Accept,
# valid / missing / forged / huge / non-ASCII session ids, protocol versions, Origin, duplicates)
# against the packaged launcher sidecar/target/mcp-gateway/bin/mcp-gateway in front of
# server-everything over stdio (an SDK server, so the upstream is as strict as real ones), on
# loopback, from 4 workers each on one keep-alive socket (hack/bench/fuzz/FuzzDriver.java).
# Writes hack/bench/results/fuzz.md: statuses, 5xx, hangs (no answer within 5 s), connections the
# gateway closed, answers that are not JSON-RPC, live heap after GC at 0/2/25/50/75/100 %, whether the
# gateway and its upstream survived, ERROR lines and stack traces in the gateway's log.
#
# Needs: JDK >= 21 (jcmd), node, curl; the launcher (./mvnw -B -pl sidecar -am package -DskipTests);
# server-everything (bash hack/install-test-peers.sh). Everything listens on 127.0.0.1 and is
# stopped by PID at the end.
#
# Settings (environment):
#   FUZZ_INPUTS=200000 FUZZ_WORKERS=4 FUZZ_SEED=20261207 FUZZ_HANG_MS=5000
#   FUZZ_UPSTREAM=everything    or "echo" (hack/bench/echo-server.mjs stdio, faster, less strict)
#   GATEWAY_JAVA_OPTS           JVM options of the gateway (default @sidecar/jvm.options, as the image)
#   MCP_TEST_NPM_DIR            npm prefix holding server-everything (default ~/.cache/mcp-operator/npm)
#   FUZZ_RESULTS                the results page (default hack/bench/results/fuzz.md)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../find-jdk.sh
source "$root/hack/find-jdk.sh"

launcher=$root/sidecar/target/mcp-gateway/bin/mcp-gateway
npm_dir=${MCP_TEST_NPM_DIR:-$HOME/.cache/mcp-operator/npm}
everything=$npm_dir/node_modules/@modelcontextprotocol/server-everything/dist/index.js
inputs=${FUZZ_INPUTS:-200000}
workers=${FUZZ_WORKERS:-4}
seed=${FUZZ_SEED:-20261207}
hang_ms=${FUZZ_HANG_MS:-5000}
upstream=${FUZZ_UPSTREAM:-everything}
results=${FUZZ_RESULTS:-$here/results/fuzz.md}
java_opts=${GATEWAY_JAVA_OPTS:-@$root/sidecar/jvm.options}

bench_name=fuzz.sh
# shellcheck source=lib.sh
source "$here/lib.sh"
[ -x "$launcher" ] || die "no launcher at $launcher (./mvnw -B -pl sidecar -am package -DskipTests)"
command -v node >/dev/null || die "node not found"
command -v curl >/dev/null || die "curl not found"
case $upstream in
  everything)
    [ -f "$everything" ] || die "server-everything missing under $npm_dir (bash hack/install-test-peers.sh)"
    up_cmd="node $everything stdio" ;;
  echo) up_cmd="node $here/echo-server.mjs stdio" ;;
  *) die "FUZZ_UPSTREAM is everything or echo, not $upstream" ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/mcp-fuzz.XXXXXX")

log "compiling the driver with the build's Mutator"
# The driver reads answers with the benchmark client's HttpConn, compiled into the driver's package.
mkdir -p "$work/src"
sed '1i package io.mcpoperator.gateway.hostile;' "$here/client/HttpConn.java" >"$work/src/HttpConn.java"
javac -d "$work/classes" "$here/fuzz/FuzzDriver.java" "$work/src/HttpConn.java" \
  "$root/sidecar/src/test/java/io/mcpoperator/gateway/hostile/Mutator.java"

port=$(free_port)
# the launcher execs java, so $! is the gateway JVM
MCP_GATEWAY_HOST=127.0.0.1 JAVA_OPTS="$java_opts" "$launcher" --port "$port" --upstream-command "$up_cmd" \
  >"$work/gateway.out" 2>"$work/gateway.log" &
gw_pid=$!
track "$gw_pid"
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/observe/health/ready" || true)" = 200 ] && break
  kill -0 "$gw_pid" 2>/dev/null || { tail -20 "$work/gateway.log" >&2; die "gateway exited"; }
  sleep 0.1
done
up_pid=$(pgrep -P "$gw_pid" | head -1 || true)
[ -n "$up_pid" ] || die "the gateway has no upstream process"
log "gateway pid $gw_pid on port $port, upstream pid $up_pid ($upstream); $inputs inputs"

java -Xmx1g -cp "$work/classes" io.mcpoperator.gateway.hostile.FuzzDriver --port "$port" \
  --inputs "$inputs" --workers "$workers" --seed "$seed" --hang-ms "$hang_ms" --pid "$gw_pid" \
  --out "$work/figures.md"

# afterwards: the same processes, healthy, and still serving a real call
alive=no
kill -0 "$gw_pid" 2>/dev/null && alive=yes
up_after=$(pgrep -P "$gw_pid" | head -1 || true)
health=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/observe/health/ready" || true)
mcp() { curl -s -m 10 -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' "$@" "http://127.0.0.1:$port/mcp"; }
sid=$(mcp -D - -o /dev/null -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"after","version":"1"}}}' |
  awk -F': ' 'tolower($1) == "mcp-session-id" {print $2}' | tr -d '\r' || true)
listed=$(mcp -H "Mcp-Session-Id: $sid" -H 'MCP-Protocol-Version: 2025-06-18' \
  -d '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' | grep -o '"name":"echo"' | head -1 || true)
starts=$(grep -c 'upstream process started' "$work/gateway.log" || true)
errors=$(grep -c '"level":"ERROR"' "$work/gateway.log" || true)
traces=$(grep -c '"throwable":{' "$work/gateway.log" || true)
warns=$(grep -c '"level":"WARN"' "$work/gateway.log" || true)
rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$gw_pid/status" 2>/dev/null || echo '?')

sessions=$(curl -s -m 5 -H 'Accept: text/plain' "http://127.0.0.1:$port/observe/metrics" |
  awk '/^mcp_sessions_active/ {print $NF; exit}' || true)

mkdir -p "$(dirname "$results")"
# jazzer.sh's section of the page (from its marker on) is kept
marker='<!-- jazzer.sh writes from here on -->'
kept=""
[ -f "$results" ] && kept=$(awk -v m="$marker" '$0 == m {on = 1} on {print}' "$results")
{
  echo "# Mutation fuzz of the packaged gateway (issue 15)"
  echo
  echo "\`hack/bench/fuzz.sh\` (FUZZ_INPUTS=$inputs), $(date '+%Y-%m-%d %H:%M %Z'); commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" status --porcelain -- sidecar hack/bench/fuzz 2>/dev/null | grep -q . && echo ' + uncommitted changes' || true);"
  echo "$(nproc) cores, $(java -version 2>&1 | head -1); gateway JVM options \`$java_opts\`;"
  echo "upstream: \`${up_cmd/#$HOME/\~}\` over stdio; gateway defaults otherwise (request timeout 30 s, 100 in flight, 4 MiB bodies)."
  echo
  cat "$work/figures.md"
  echo
  echo "| after the run | value |"
  echo "|---|---|"
  echo "| gateway process (pid $gw_pid) alive | $alive |"
  echo "| upstream process | pid $up_pid before, ${up_after:-none} after; $starts upstream start(s) logged |"
  echo "| /observe/health/ready | $health |"
  echo "| a new session's tools/list lists echo | $([ -n "$listed" ] && echo yes || echo no) |"
  echo "| gateway RSS | ${rss} KiB |"
  echo "| live sessions (\`mcp_sessions_active\`; initialize inputs open them, 30 min idle expiry) | ${sessions:-?} |"
  echo "| gateway log: ERROR lines / stack traces / WARN lines | $errors / $traces / $warns |"
  if [ -n "$kept" ]; then
    echo
    echo "$kept"
  fi
} >"$results.new"
mv "$results.new" "$results"
log "results: $results (gateway log: $work/gateway.log)"
