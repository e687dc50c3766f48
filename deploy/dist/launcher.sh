#!/bin/sh
# Starts the program this file is named after (bin/<name> runs lib/<name>.jar) with a Java 21 or
# newer: $JAVA_HOME, else the newest-looking JDK under /usr/lib/jvm (JVM_DIR), else java on PATH.
# JAVA_OPTS adds JVM options. The directory this lives in can be copied anywhere: it needs only ../lib.
set -eu

self=$0
if resolved=$(readlink -f "$self" 2>/dev/null) && [ -n "$resolved" ]; then self=$resolved; fi
name=$(basename "$self")
home=$(cd "$(dirname "$self")/.." && pwd)
jar="$home/lib/$name.jar"
if [ ! -f "$jar" ]; then
  echo "$name: $jar is missing (bin/ and lib/ belong together)" >&2
  exit 1
fi

# The major version of a java executable ("17.0.12" -> 17, "1.8.0" -> 8), or nothing.
major() {
  v=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  case $v in 1.*) v=${v#1.} ;; esac
  echo "${v%%[!0-9]*}"
}

usable() {
  [ -x "$1" ] || return 1
  v=$(major "$1")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

java=""
tried=""
if [ -n "${JAVA_HOME:-}" ]; then
  tried="$JAVA_HOME/bin/java"
  if usable "$JAVA_HOME/bin/java"; then java="$JAVA_HOME/bin/java"; fi
fi
if [ -z "$java" ]; then
  for candidate in $(ls -d "${JVM_DIR:-/usr/lib/jvm}"/*/bin/java 2>/dev/null | sort -r); do
    tried="$tried${tried:+, }$candidate"
    if usable "$candidate"; then java=$candidate; break; fi
  done
fi
if [ -z "$java" ] && command -v java >/dev/null 2>&1; then
  candidate=$(command -v java)
  tried="$tried${tried:+, }$candidate (PATH)"
  if usable "$candidate"; then java=$candidate; fi
fi
if [ -z "$java" ]; then
  echo "$name: needs Java 21 or newer; none found (tried: ${tried:-no java at all})." >&2
  echo "  Set JAVA_HOME to a JDK >= 21. Debian bookworm ships only 17: install Temurin 21 or 25" >&2
  echo "  from Adoptium's apt repository (https://adoptium.net/installation/linux/)." >&2
  exit 1
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "$java" ${JAVA_OPTS:-} -jar "$jar" "$@"
