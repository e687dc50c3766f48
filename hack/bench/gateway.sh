#!/usr/bin/env bash
# The gateway benchmark of issues 3 and 13 (not a timed test): tools/call through the gateway against
# the same upstream MCP server called directly, on loopback, in interleaved rounds, at concurrency 1
# and 32, with and without Redis, with the gateway reaching the upstream over stdio and over
# Streamable HTTP (JSON and SSE answers), for two upstreams:
#   server-everything   its Streamable HTTP mode is "direct", its stdio mode sits behind the gateway
#   fast echo           hack/bench/echo-server.mjs (http / stdio), so the gateway's own cost dominates
# plus gateway RSS (idle, under load, after), start-to-ready time, and concurrent sessions each
# holding an open GET SSE stream. Writes hack/bench/results/gateway-<date>.md and latest.md.
#
# Needs: JDK >= 21, node, curl; the gateway jar (./mvnw -B -pl sidecar -am package -DskipTests);
# server-everything (bash hack/install-test-peers.sh); redis-server for the Redis rounds (skipped
# with a note when missing). Everything listens on 127.0.0.1 and is stopped by PID at the end.
#
# Settings (environment):
#   MCP_GATEWAY_JAR        jar to measure (default: sidecar/target/mcp-gateway.jar of this tree)
#   GATEWAY_JAVA_OPTS      JVM options for the gateway (default: what the image runs with:
#                          @sidecar/jvm.options plus an AOT cache made by a training run, as
#                          sidecar/Containerfile does; "none" for the JVM's own ergonomics)
#   MCP_TEST_NPM_DIR       npm prefix holding server-everything (default ~/.cache/mcp-operator/npm)
#   BENCH_ROUNDS=5 BENCH_ROUND_MS=3000 BENCH_WARMUP_MS=8000    interleaved rounds per concurrency
#   BENCH_SESSIONS=20000 BENCH_HOLD_MS=17000                   the open-streams test (0 skips it)
#   BENCH_CALLS=1          0 skips the tools/call rounds (memory and start-up figures only)
#   BENCH_WAIT_LOAD=1.5 BENCH_WAIT_MAX_SECONDS=1800            wait for a quiet machine first
#   BENCH_RESULTS_DIR      where the results page goes (default hack/bench/results)
#   BENCH_TAG              appended to the results file name (gateway-<date>-<tag>.md); a tagged
#                          run leaves latest.md alone
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../find-jdk.sh
source "$root/hack/find-jdk.sh"

jar=${MCP_GATEWAY_JAR:-$root/sidecar/target/mcp-gateway.jar}
npm_dir=${MCP_TEST_NPM_DIR:-$HOME/.cache/mcp-operator/npm}
everything=$npm_dir/node_modules/@modelcontextprotocol/server-everything/dist/index.js
rounds=${BENCH_ROUNDS:-5}
round_ms=${BENCH_ROUND_MS:-3000}
warmup_ms=${BENCH_WARMUP_MS:-8000}
sessions=${BENCH_SESSIONS:-20000}
hold_ms=${BENCH_HOLD_MS:-17000}
calls=${BENCH_CALLS:-1}
wait_load=${BENCH_WAIT_LOAD:-1.5}
wait_max=${BENCH_WAIT_MAX_SECONDS:-1800}
results=${BENCH_RESULTS_DIR:-$here/results}

bench_name=gateway.sh
# shellcheck source=lib.sh
source "$here/lib.sh"
[ -f "$jar" ] || die "no gateway jar at $jar (./mvnw -B -pl sidecar -am package -DskipTests, or set MCP_GATEWAY_JAR)"
command -v node >/dev/null || die "node not found"
command -v curl >/dev/null || die "curl not found"
[ -f "$everything" ] || die "server-everything missing under $npm_dir (bash hack/install-test-peers.sh)"

work=$(mktemp -d "${TMPDIR:-/tmp}/mcp-bench.XXXXXX")
# the image's JVM options and AOT cache (sidecar/Containerfile) unless told otherwise
if [ -z "${GATEWAY_JAVA_OPTS:-}" ]; then
  export MALLOC_ARENA_MAX=2
  java @"$root/sidecar/jvm.options" -XX:AOTCacheOutput="$work/gateway.aot" -jar "$jar" --aot-training \
    >"$work/aot-training.log" 2>&1 || { tail -20 "$work/aot-training.log" >&2; die "AOT training run failed"; }
  GATEWAY_JAVA_OPTS="@$root/sidecar/jvm.options -XX:AOTCache=$work/gateway.aot"
  opts_note="image defaults: @sidecar/jvm.options -XX:AOTCache (training run), MALLOC_ARENA_MAX=2"
elif [ "$GATEWAY_JAVA_OPTS" = none ]; then
  GATEWAY_JAVA_OPTS=""
  opts_note="(none: JVM defaults)"
else
  opts_note=$GATEWAY_JAVA_OPTS
fi
read -r -a gw_opts <<<"$GATEWAY_JAVA_OPTS"
raw=$work/raw
mkdir -p "$raw" "$results"
env_set() { echo "$1=$2" >>"$raw/env.properties"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }


# start_gateway NAME UPSTREAM [REDIS_URL]: sets gw_pid, gw_port, gw_up_pid, gw_ready_ms. UPSTREAM is
# a command (stdio) or http://... (Streamable HTTP; gw_up_pid is then left as the caller set it).
start_gateway() {
  local name=$1 command=$2 redis=${3:-} max_sessions=${4:-}
  gw_port=$(free_port)
  local args=(--port "$gw_port" --upstream-command "$command")
  [[ $command == http://* ]] && args=(--port "$gw_port" --upstream-url "$command")
  [ -n "$redis" ] && args+=(--redis "$redis")
  if [ -n "$max_sessions" ]; then
    # the flags have no session limit: a configuration file (the operator's contract) raises it
    local words
    read -ra words <<<"$command"
    printf '{"listen": {"port": %s}, "upstream": {"transport": "stdio", "command": [%s]}, "limits": {"maxSessions": %s}}\n' \
      "$gw_port" "$(printf '"%s",' "${words[@]}" | sed 's/,$//')" "$max_sessions" >"$work/gateway-$name.json"
    args=(--config "$work/gateway-$name.json")
  fi
  local t0
  t0=$(date +%s%N)
  MCP_GATEWAY_HOST=127.0.0.1 java "${gw_opts[@]}" -jar "$jar" "${args[@]}" \
    >"$work/gateway-$name.out" 2>"$work/gateway-$name.log" &
  gw_pid=$!
  track "$gw_pid"
  gw_ready_ms=$(wait_200 "http://127.0.0.1:$gw_port/observe/health/ready" "$t0" 60) ||
    { tail -20 "$work/gateway-$name.log" >&2; die "gateway $name did not become ready"; }
  [[ $command == http://* ]] && return
  gw_up_pid=$(pgrep -P "$gw_pid" | head -1)
  [ -n "$gw_up_pid" ] || die "gateway $name has no upstream process"
}

bench() { java -Xms256m -Xmx1g -cp "$work/classes" McpBench "$@" --clk-tck "$(getconf CLK_TCK)"; }

# --- a quiet machine first --------------------------------------------------------------------
if [ "$wait_max" -gt 0 ]; then
  waited=0
  while awk -v max="$wait_load" '{exit !($1 >= max)}' /proc/loadavg && [ "$waited" -lt "$wait_max" ]; do
    [ $((waited % 60)) -eq 0 ] && log "load average $(loadavg): waiting for < $wait_load (up to ${wait_max}s)"
    sleep 15
    waited=$((waited + 15))
  done
fi

date_tag=$(date +%Y-%m-%d)
env_set date "$(date '+%Y-%m-%d %H:%M %Z')"
env_set rawDir "$raw"
env_set command "${BENCH_COMMAND:-hack/bench/gateway.sh}"
env_set machine "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
env_set loadStart "$(loadavg)"
env_set java "$(java -version 2>&1 | head -1)"
env_set gatewayJavaOpts "$opts_note"
env_set jar "$jar ($(date -r "$jar" '+%Y-%m-%d %H:%M'))"
env_set source "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes' || true)"
env_set node "$(node --version)"
env_set rounds "$rounds x ${round_ms} ms per target and concurrency, after ${warmup_ms} ms warm-up each"
env_set fdLimit "$(ulimit -n) open files per process"
env_set holdSeconds $((hold_ms / 1000))

log "compiling the bench client"
javac -d "$work/classes" "$here"/client/*.java

# --- start to ready, idle RSS -----------------------------------------------------------------
echo_stdio="node $here/echo-server.mjs stdio"
everything_stdio="node $everything stdio"
all=()
for i in 1 2 3; do
  start_gateway "ready-$i" "$echo_stdio"
  all+=("$gw_ready_ms")
  sleep 5
  echo "echo.rssIdleKiB.$i=$(rss_kib "$gw_pid")" >>"$raw/idle.properties"
  [ "$i" = 1 ] && echo "echo.rssIdleKiB=$(rss_kib "$gw_pid")" >>"$raw/idle.properties"
  stop "$gw_pid"
done
sorted=$(printf '%s\n' "${all[@]}" | sort -n | tr '\n' ' ')
{
  echo "echo.runs=${#all[@]}"
  echo "echo.allMs=${all[*]}"
  echo "echo.medianMs=$(echo "$sorted" | awk '{print $2}')"
} >>"$raw/ready.properties"
log "start to ready (echo upstream): ${all[*]} ms"

# --- tools/call: direct vs gateway ------------------------------------------------------------
redis_pid=""
redis_url=""
if [ "$calls" = 0 ]; then
  upstreams=()
  env_set redis "tools/call rounds skipped (BENCH_CALLS=0)"
elif command -v redis-server >/dev/null; then
  upstreams=(everything echo)
  redis_port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no \
    >"$work/redis.log" 2>&1 &
  redis_pid=$!
  track "$redis_pid"
  redis_url="redis://127.0.0.1:$redis_port"
  wait_port "$redis_port"
else
  upstreams=(everything echo)
  env_set redis "redis-server not found: Redis rounds skipped"
fi

for up in "${upstreams[@]}"; do
  direct_port=$(free_port)
  if [ "$up" = echo ]; then
    node "$here/echo-server.mjs" http "$direct_port" >"$work/direct-$up.log" 2>&1 &
    up_cmd=$echo_stdio
  else
    PORT=$direct_port node --import "$here/loopback.mjs" "$everything" streamableHttp \
      >"$work/direct-$up.log" 2>&1 &
    up_cmd=$everything_stdio
  fi
  direct_pid=$!
  track "$direct_pid"
  # memory, redis: the gateway runs the upstream over stdio; http: the gateway calls the direct
  # server over Streamable HTTP (server-everything answers in SSE, the echo in JSON); sse: the echo
  # answering every POST with an SSE stream, direct and through the gateway
  paths=(memory redis http)
  [ "$up" = echo ] && paths+=(sse)
  for store in "${paths[@]}"; do
    [ "$store" = redis ] && [ -z "$redis_url" ] && continue
    if [ "$store" = sse ]; then
      stop "$direct_pid"
      direct_port=$(free_port)
      node "$here/echo-server.mjs" http "$direct_port" sse >"$work/direct-$up-sse.log" 2>&1 &
      direct_pid=$!
      track "$direct_pid"
    fi
    wait_port "$direct_port"
    if [ "$store" = redis ]; then
      start_gateway "$up-$store" "$up_cmd" "$redis_url"
    elif [ "$store" = http ] || [ "$store" = sse ]; then
      gw_up_pid=$direct_pid
      start_gateway "$up-$store" "http://127.0.0.1:$direct_port/mcp"
    else
      start_gateway "$up-$store" "$up_cmd"
    fi
    [ "$up" = everything ] && [ "$store" = memory ] && {
      sleep 5
      echo "everything.rssIdleKiB=$(rss_kib "$gw_pid")" >>"$raw/idle.properties"
      echo "everything.readyMs=$gw_ready_ms" >>"$raw/ready.properties"
    }
    env_set "load.$up-$store" "$(loadavg)"
    # echo, in-memory: wait out the request timeout (30 s) after the load, then weigh the heap again
    settle_ms=0
    [ "$up-$store" = echo-memory ] && settle_ms=35000
    log "tools/call $up, $store store: gateway pid $gw_pid (upstream $gw_up_pid), direct pid $direct_pid"
    bench calls \
      --target direct "http://127.0.0.1:$direct_port/mcp" "upstream=$direct_pid" \
      --target gateway "http://127.0.0.1:$gw_port/mcp" "gateway=$gw_pid,upstream=$gw_up_pid" \
      --concurrency 1,32 --rounds "$rounds" --round-ms "$round_ms" --warmup-ms "$warmup_ms" \
      --protocol 2025-06-18 --rss-pid "$gw_pid" --settle-ms "$settle_ms" \
      --out "$raw/calls-$up-$store.properties"
    if [ "$store" = redis ]; then
      if grep -q "not available in this build" "$work/gateway-$up-$store.log"; then
        env_set redisNote "not wired in this build: the gateway logged that it fell back to in-memory sessions"
      fi
      env_set redis "redis-server $(redis-server --version | awk '{print $3}'), keys after the $up rounds: $(redis-cli -p "$redis_port" dbsize 2>/dev/null || echo '?')"
    fi
    stop "$gw_pid"
  done
  stop "$direct_pid"
done
[ -n "$redis_pid" ] && stop "$redis_pid"

# --- concurrent sessions with open GET streams ------------------------------------------------
if [ "$sessions" -gt 0 ]; then
  # above the gateway's default limit of 10,000 sessions per replica (limits.maxSessions)
  start_gateway sessions "$echo_stdio" "" $((sessions + 1000))
  base_fds=$(find "/proc/$gw_pid/fd" -mindepth 1 -maxdepth 1 | wc -l)
  # each stream costs the gateway and the client one descriptor; keep both under the limit
  room=$(($(ulimit -n) - base_fds - 200))
  count=$((sessions < room ? sessions : room))
  [ "$count" -lt "$sessions" ] && log "open-files limit $(ulimit -n): opening $count streams, not $sessions"
  log "opening $count sessions with GET streams (gateway pid $gw_pid)"
  bench sessions --url "http://127.0.0.1:$gw_port/mcp" --count "$count" --parallel 8 \
    --hold-ms "$hold_ms" --protocol 2025-11-25 --pid "$gw_pid" --out "$raw/sessions.properties"
  stop "$gw_pid"
fi

env_set loadEnd "$(loadavg)"
name=gateway-$date_tag${BENCH_TAG:+-$BENCH_TAG}.md
bench report --dir "$raw" --out "$results/$name"
[ -z "${BENCH_TAG:-}" ] && cp "$results/$name" "$results/latest.md"
cp "$work"/gateway-*.log "$raw/" 2>/dev/null || true
log "results: $results/$name (raw figures and logs in $raw)"
