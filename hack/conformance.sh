#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, server mode) against an
# upstream MCP server directly and through the gateway (upstream over stdio, then over Streamable HTTP),
# and writes the comparison to hack/conformance/results.md (override: CONFORMANCE_RESULTS=<file>).
#
# Upstreams: @modelcontextprotocol/server-everything, and hack/conformance/fixture-server.mjs (implements
# the suite's test_* tools, resources and prompts, so sampling, elicitation, progress and logging are
# exercised through the gateway too).
#
# Needs: the gateway jar (./mvnw -B -DskipTests package; override: MCP_GATEWAY_JAR=<jar>), a JDK >= 21,
# and the test peers (bash hack/install-test-peers.sh; prefix MCP_TEST_NPM_DIR, default
# ~/.cache/mcp-operator/npm). Builds nothing itself. Every server binds 127.0.0.1; only the processes
# this script started are stopped, by PID.
#
# Exit 1 when a scenario that passes directly fails through the gateway, or when the gateway fails
# dns-rebinding-protection or the session lifecycle (404 after DELETE); exit 2 when something is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/hack/conformance"
prefix="${MCP_TEST_NPM_DIR:-$HOME/.cache/mcp-operator/npm}"
jar="${MCP_GATEWAY_JAR:-$root/sidecar/target/mcp-gateway.jar}"
results="${CONFORMANCE_RESULTS:-$here/results.md}"
node="$prefix/node_modules/node/bin/node"
suite="$prefix/node_modules/@modelcontextprotocol/conformance/dist/index.js"
everything="$prefix/node_modules/@modelcontextprotocol/server-everything/dist/index.js"

say() { printf "[conformance] %s %s\n" "$(date +%T.%N | cut -c1-12)" "$*"; }
missing() { echo "conformance: $*" >&2; exit 2; }

[ -f "$jar" ] || missing "gateway jar $jar not found: build it first with ./mvnw -B -DskipTests package"
[ -x "$node" ] || missing "Node 22 not found at $node: run bash hack/install-test-peers.sh"
[ -f "$suite" ] || missing "@modelcontextprotocol/conformance not found under $prefix: run bash hack/install-test-peers.sh"
[ -f "$everything" ] || missing "@modelcontextprotocol/server-everything not found under $prefix: run bash hack/install-test-peers.sh"
source "$root/hack/find-jdk.sh"
export MCP_TEST_NPM_DIR="$prefix"
export PATH="$(dirname "$node"):$PATH"

work="$(mktemp -d "${TMPDIR:-/tmp}/mcp-conformance.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

free_port() {
  "$node" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_http URL STATUS LOG: until URL answers with STATUS ("any": any status), at most 60 s
wait_http() {
  for _ in $(seq 1 300); do
    "$node" -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(1000)}).then(
        r=>process.exit(process.argv[2]==="any"||String(r.status)===process.argv[2]?0:1),()=>process.exit(1))' "$1" "$2" \
      && return 0
    sleep 0.2
  done
  say "no answer from $1; last lines of $3:"; tail -20 "$3" >&2; return 1
}

# stop PID: ends a process this script started and forgets it
stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local kept=() p
  for p in "${pids[@]+"${pids[@]}"}"; do [ "$p" = "$1" ] || kept+=("$p"); done
  pids=("${kept[@]+"${kept[@]}"}")
}

# run_suite URL OUT_DIR: every server scenario of the suite, plus the extra checks (session lifecycle, SSE resumption)
run_suite() {
  mkdir -p "$2"
  (cd "$work" && timeout 300 "$node" "$suite" server --suite all --url "$1" -o "$2" >"$2.log" 2>&1) || true
  timeout 60 "$node" "$here/extra-checks.mjs" "$1" "$2" >>"$2.log" 2>&1 || true
}

# through_gateway NAME TARGET UPSTREAM_FLAG UPSTREAM_VALUE
through_gateway() {
  local port pid log="$work/$1/$2-gateway.log"
  port="$(free_port)"
  MCP_GATEWAY_HOST=127.0.0.1 LOG_FORMAT=text "$JAVA_HOME/bin/java" -jar "$jar" --port "$port" "$3" "$4" >"$log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_http "http://127.0.0.1:$port/observe/health/ready" 200 "$log"
  say "$1: through the gateway ($2)"
  run_suite "http://127.0.0.1:$port/mcp" "$work/$1/$2"
  # graceful shutdown lets open SSE streams drain (up to 10 s): let it run on while the next part
  # starts; the exit trap waits for it (it stays our unreaped child, so its PID cannot be reused)
  kill "$pid" 2>/dev/null || true
}

# upstream NAME "HTTP_COMMAND" "STDIO_COMMAND": HTTP_COMMAND gets PORT from the environment
upstream() {
  local name="$1" port pid log
  mkdir -p "$work/$name"
  port="$(free_port)"; log="$work/$name/upstream-http.log"
  PORT="$port" bash -c "exec $2" >"$log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_http "http://127.0.0.1:$port/mcp" any "$log"
  say "$name: direct (Streamable HTTP on 127.0.0.1:$port)"
  run_suite "http://127.0.0.1:$port/mcp" "$work/$name/direct"
  through_gateway "$name" gateway-stdio --upstream-command "$3"
  through_gateway "$name" gateway-http --upstream-url "http://127.0.0.1:$port/mcp"
  stop "$pid"
}

say "gateway: $jar; suite: $("$node" -p "require('$prefix/node_modules/@modelcontextprotocol/conformance/package.json').version"); work dir: $work"
# server-everything's HTTP mode listens on every interface; the preload pins it to 127.0.0.1.
upstream server-everything \
  "'$node' --import '$here/loopback.mjs' '$everything' streamableHttp" \
  "$node $everything stdio"
upstream conformance-fixture \
  "'$node' '$here/fixture-server.mjs' http" \
  "$node $here/fixture-server.mjs stdio"

mkdir -p "$(dirname "$results")"
if "$node" "$here/summarize.mjs" "$work" "$results"; then
  say "results: $results"
  rm -rf "$work"
else
  say "results: $results (raw results kept in $work)"
  exit 1
fi
