#!/usr/bin/env bash
# Runs README.md's "Quick start on a cluster" lines, as written, against the current kubeconfig
# (KUBECONFIG): install the CRDs, the operator (Kustomize base) and an example, then list them.
# Usage: KUBECONFIG=... bash hack/quickstart.sh   (needs kubectl; installs into the cluster!)
set -euo pipefail
cd "$(dirname "$0")/.."
commands=$(awk '/<!-- tested: quick-start/ {found=1; next}
                found && /^```bash/ {inblock=1; next}
                inblock && /^```/ {exit}
                inblock {print}' README.md)
[ -n "$commands" ] || { echo "quickstart: no quick-start block in README.md" >&2; exit 2; }
while IFS= read -r line; do
  cmd=${line%%#*}                       # the README's trailing comments are not part of the command
  [ -n "${cmd// }" ] || continue
  echo "+ $cmd" >&2
  eval "$cmd"
done <<<"$commands"
