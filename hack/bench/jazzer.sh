#!/usr/bin/env bash
# The coverage-guided fuzz of issues 10 and 15 (not a timed test): the MCP library's two Jazzer
# @FuzzTests in fuzzing mode (JAZZER_FUZZ=1), one after the other, each for JAZZER_DURATION:
#   JsonRpcDecoderFuzzTest#decodes                        Json.parse + JSON-RPC decoding (any bytes)
#   StreamablePostFuzzIT#answersEveryPostWithJsonRpc      POST /mcp of the Streamable HTTP transport
# In the normal build both run only their seed inputs (regression mode, src/test/resources/
# io/mcpoperator/mcp/.../<Test>Inputs/<method>/). A crash stops a target, and Jazzer writes the
# crashing input into that Inputs directory, so the build replays it from then on: fix it, keep it.
# Writes the figures (executions, exec/s, coverage and features, corpus, crashes) into the
# "Coverage-guided" section of hack/bench/results/fuzz.md (the rest of the page is fuzz.sh's).
#
# Needs: JDK 25 (the build's) and the Maven repository the build uses (./mvnw -B -o: offline once
# the build has run; nothing is installed). Jazzer runs in the test JVM; its corpus grows in
# sidecar/mcp-library/.cifuzz-corpus/ (ignored by git; delete it to start from the seeds again).
#
# Settings (environment):
#   JAZZER_DURATION=600    seconds per target
#   JAZZER_TARGETS         "decoder transport" (default: both)
#   JAZZER_RESULTS         the results page (default hack/bench/results/fuzz.md)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../find-jdk.sh
source "$root/hack/find-jdk.sh"

duration=${JAZZER_DURATION:-600}
targets=${JAZZER_TARGETS:-decoder transport}
results=${JAZZER_RESULTS:-$here/results/fuzz.md}
marker='<!-- jazzer.sh writes from here on -->'
work=$(mktemp -d "${TMPDIR:-/tmp}/mcp-jazzer.XXXXXX")
log() { echo "[$(date +%T)] $*" >&2; }

cd "$root"

# fuzz NAME MAVEN_ARGS...: runs one target in fuzzing mode; its output goes to $work/NAME.log
fuzz() {
  local name=$1
  shift
  log "fuzzing $name for ${duration}s (log: $work/$name.log)"
  # libFuzzer takes the last -max_total_time: the one given here overrides @FuzzTest(maxDuration)
  JAZZER_FUZZ=1 TEST_LOG_LEVEL=ERROR ./mvnw -B -o -pl sidecar/mcp-library -am -Djacoco.skip=true \
    -Dspotless.check.skip=true -Djazzer.internal.arg.0=fake_argv0 \
    -Djazzer.internal.arg.1=-max_total_time="$duration" -Djazzer.internal.arg.2=-print_final_stats=1 \
    "$@" >"$work/$name.log" 2>&1 && echo pass >"$work/$name.outcome" || echo fail >"$work/$name.outcome"
}

for t in $targets; do
  case $t in
    decoder) fuzz decoder -Dtest=JsonRpcDecoderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false test ;;
    transport)
      fuzz transport -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
        -Dit.test=StreamablePostFuzzIT -Dfailsafe.failIfNoSpecifiedTests=false verify ;;
    *) echo "jazzer.sh: unknown target $t (decoder, transport)" >&2; exit 1 ;;
  esac
done

# figures of one target from libFuzzer's last status line and final stats
row() {
  local name=$1 file=$work/$1.log
  local done_line runs secs execs cov ft corp crashes
  done_line=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$file" | tail -1 || true)
  [ -n "$done_line" ] || done_line=$(grep -a -E '^#[0-9]+[[:space:]]+(pulse|NEW|REDUCE)' "$file" | tail -1 || true)
  runs=$(grep -a -o -E 'Done [0-9]+ runs in [0-9]+ second' "$file" | tail -1 | awk '{print $2}')
  secs=$(grep -a -o -E 'Done [0-9]+ runs in [0-9]+ second' "$file" | tail -1 | awk '{print $5}')
  execs=$(echo "$done_line" | grep -o -E 'exec/s: [0-9]+' | awk '{print $2}')
  cov=$(echo "$done_line" | grep -o -E 'cov: [0-9]+' | awk '{print $2}')
  ft=$(echo "$done_line" | grep -o -E 'ft: [0-9]+' | awk '{print $2}')
  corp=$(echo "$done_line" | grep -o -E 'corp: [0-9]+/[0-9]+[a-zA-Z]*' | awk '{print $2}')
  crashes=$(grep -a -c -E '== Java Exception|==[0-9]+== ERROR|FuzzTestFindingException' "$file" || true)
  echo "| $name | $(cat "$work/$name.outcome") | ${runs:-?} | ${secs:-?} s | ${execs:-?} | ${cov:-?} / ${ft:-?} | ${corp:-?} | $crashes |"
}

{
  if [ -f "$results" ]; then
    awk -v m="$marker" '$0 == m {exit} {print}' "$results"
  fi
  echo "$marker"
  echo "## Coverage-guided (Jazzer)"
  echo
  echo "\`hack/bench/jazzer.sh\` (JAZZER_DURATION=$duration per target), $(date '+%Y-%m-%d %H:%M %Z'); commit $(git rev-parse --short HEAD)$(git status --porcelain -- sidecar 2>/dev/null | grep -q . && echo ' + uncommitted changes' || true);"
  echo "jazzer-junit $(sed -n 's:.*<jazzer.version>\(.*\)</jazzer.version>.*:\1:p' pom.xml), $(java -version 2>&1 | head -1), $(nproc) cores. Executions, exec/s and coverage are libFuzzer's"
  echo "(\`cov\`: coverage edges of the library's instrumented classes, \`ft\`: features); \"crashes\" counts findings."
  echo
  echo "| target | outcome | inputs executed | time | exec/s | cov / ft | corpus (inputs/bytes) | crashes |"
  echo "|---|---|---|---|---|---|---|---|"
  for t in $targets; do
    row "$t"
  done
} >"$results.new"
mv "$results.new" "$results"
log "results: $results (logs in $work)"
for t in $targets; do
  [ "$(cat "$work/$t.outcome")" = pass ] || { log "$t failed: see $work/$t.log"; exit 1; }
done
