package io.mcpoperator.operator.desired;

/**
 * The POSIX {@code sh} script that connects a stdio MCP server to the gateway in the other
 * container through two FIFOs on a shared emptyDir.
 */
final class StdioShim {
  /** ConfigMap key of the script. */
  static final String KEY = "stdio-shim.sh";

  static final String SCRIPT =
      """
      #!/bin/sh
      # stdio shim written by mcp-operator: runs an MCP server whose stdin/stdout are two FIFOs
      # shared with the mcp-gateway sidecar through an emptyDir volume.
      #   <dir>/in   the gateway writes JSON-RPC messages, the server reads them on stdin
      #   <dir>/out  the server writes JSON-RPC messages on stdout, the gateway reads them
      # Usage: stdio-shim.sh COMMAND [ARG...]   (MCP_STDIO_DIR overrides the directory)
      # stderr is left alone, so the server's logs stay in the container log.
      # Opening a FIFO blocks until the other end is opened: the shim opens "in" before "out",
      # so the gateway must open "in" (for writing) before "out" (for reading), or open them
      # without blocking. When the server exits, the container restarts and the shim runs again.
      set -eu

      dir="${MCP_STDIO_DIR:-/var/run/mcp-stdio}"

      if [ "$#" -eq 0 ]; then
        echo "stdio-shim: no command given; set spec.command of the MCPServer" >&2
        exit 64
      fi

      if [ ! -d "$dir" ]; then
        echo "stdio-shim: directory $dir is missing; is the shared volume mounted?" >&2
        exit 66
      fi

      for fifo in "$dir/in" "$dir/out"; do
        if [ ! -p "$fifo" ]; then
          # a regular file left behind would make mkfifo fail
          rm -f "$fifo"
          # the gateway may create the same FIFO at the same moment: losing that race is fine
          mkfifo -m 0660 "$fifo" 2>/dev/null || [ -p "$fifo" ] || {
            echo "stdio-shim: cannot create FIFO $fifo" >&2
            exit 73
          }
        fi
      done

      exec "$@" <"$dir/in" >"$dir/out"
      """;

  private StdioShim() {}
}
