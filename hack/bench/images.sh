#!/usr/bin/env bash
# Image sizes and start times: builds the three images (images module), starts each from its layers
# (ImageStartIT, needs root) and writes hack/bench/results/images.md.
# Usage: hack/bench/images.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
source hack/find-jdk.sh
out=hack/bench/results/images.md
./mvnw -B -q -pl images -am -DskipTests -Djacoco.skip=true install >/dev/null
start=$(date +%s)
./mvnw -B -q -pl images -Djacoco.skip=true verify >/dev/null
build_s=$(( $(date +%s) - start ))
{
  echo "# Images ($(date -u +%Y-%m-%d), $(nproc) cores, $(git rev-parse --short HEAD))"
  echo
  echo "images module (build 3 images + push test + start test): ${build_s} s"
  echo
  echo "| image | tar (compressed layers) | unpacked | start to healthy |"
  echo "|---|---|---|---|"
  for name in mcp-operator mcp-gateway mcp-k8s-server; do
    tar_mib=$(( $(stat -c %s "images/target/images/$name.tar") / 1048576 ))
    root="images/target/image-start-it/$name/rootfs"
    unpacked=$( [ -d "$root" ] && du -sm "$root" | cut -f1 || echo "?")
    started=$(grep "^$name " images/target/images/start-times.txt 2>/dev/null | awk '{print $3, $4}' || true)
    echo "| $name | ${tar_mib} MiB | ${unpacked} MiB | ${started:-not run (needs root)} |"
  done
  echo
  echo "Shared runtime layer (jlinked JRE + glibc): $(du -sm images/target/images/work/jre | cut -f1) MiB unpacked."
} > "$out"
cat "$out"
