#!/usr/bin/env bash
# Installs the real MCP peers the tests talk to, from the npm registry, into one prefix
# (default ~/.cache/mcp-operator/npm; override with MCP_TEST_NPM_DIR):
#   @modelcontextprotocol/server-everything   stdio / Streamable HTTP upstream for gateway tests
#   @modelcontextprotocol/conformance         the official conformance suite (hack/conformance.sh)
#   node@22                                   a Node >= 22 for the conformance suite
#   @modelcontextprotocol/inspector           the README's Inspector CLI line (ReadmeQuickStartIT)
# Prints the prefix on stdout (last line). Tests skip with a message when a peer is missing.
set -euo pipefail
prefix="${MCP_TEST_NPM_DIR:-$HOME/.cache/mcp-operator/npm}"
mkdir -p "$prefix"
if ! command -v npm >/dev/null; then
  echo "npm not found: install Node.js (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
want=(@modelcontextprotocol/server-everything@2026.8.31 @modelcontextprotocol/conformance@0.1.16 node@22 @modelcontextprotocol/inspector@0.21.2)
missing=()
[ -f "$prefix/node_modules/@modelcontextprotocol/server-everything/package.json" ] || missing+=("${want[0]}")
[ -f "$prefix/node_modules/@modelcontextprotocol/conformance/package.json" ] || missing+=("${want[1]}")
[ -x "$prefix/node_modules/node/bin/node" ] || missing+=("${want[2]}")
[ -f "$prefix/node_modules/@modelcontextprotocol/inspector/package.json" ] || missing+=("${want[3]}")
if [ ${#missing[@]} -gt 0 ]; then
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "${want[@]}" >&2
fi
echo "$prefix"
