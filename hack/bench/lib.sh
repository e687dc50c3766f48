# Helpers shared by the benchmark scripts (source it; set $bench_name first for the messages).
# Every process a script starts goes into started[] (via track) and is stopped, by PID, on exit.

started=()
die() { echo "${bench_name:-bench}: $*" >&2; exit 1; }
log() { echo "[$(date +%T)] $*" >&2; }
track() { started+=("$1"); }

cleanup() {
  local p
  for p in "${started[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  for p in "${started[@]}"; do
    wait "$p" 2>/dev/null || true
  done
  return 0
}
trap cleanup EXIT

# Stops one tracked process and forgets it.
stop() {
  local pid=$1 p keep=()
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${started[@]}"; do
    [ "$p" = "$pid" ] || keep+=("$p")
  done
  started=("${keep[@]}")
}

# A port nothing listens on, outside the ephemeral range.
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  die "no free port found"
}

# Polls URL until HTTP 200; prints the milliseconds since $2 (epoch ns); fails after $3 s.
wait_200() {
  local url=$1 t0=$2 limit=$3 code
  local deadline=$((t0 + limit * 1000000000))
  while [ "$(date +%s%N)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$url" || true)
    if [ "$code" = 200 ]; then
      echo $((($(date +%s%N) - t0) / 1000000))
      return 0
    fi
    sleep 0.01
  done
  return 1
}

# Waits until something listens on 127.0.0.1:$1 (at most 30 s).
wait_port() {
  for _ in $(seq 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  die "nothing listens on port $1"
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
