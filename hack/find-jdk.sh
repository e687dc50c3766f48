#!/usr/bin/env bash
# Sourced: exports JAVA_HOME pointing at a JDK >= 21, or exits with a clear message.
java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }
_found=""
for _c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
          /usr/lib/jvm/*; do
  [ -n "$_c" ] && [ -x "$_c/bin/javac" ] || continue
  _m=$(java_major "$_c")
  if [ -n "$_m" ] && [ "$_m" -ge 21 ]; then _found="$_c"; break; fi
done
if [ -z "$_found" ] && command -v javac >/dev/null; then
  _c=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  _m=$(java_major "$_c"); [ -n "$_m" ] && [ "$_m" -ge 21 ] && _found="$_c"
fi
if [ -z "$_found" ]; then
  echo "error: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/*, javac on PATH)." >&2
  echo "       Debian bookworm ships only 17: install Temurin 21 or 25 from Adoptium's apt repository" >&2
  echo "       (https://adoptium.net/installation/linux/) or set JAVA_HOME to a JDK >= 21." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$_found"
export PATH="$JAVA_HOME/bin:$PATH"
