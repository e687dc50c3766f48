package io.mcpoperator.gateway.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The server side of a FIFO upstream, as the operator's shim does it: create the FIFOs {@code in}
 * and {@code out} in a directory if missing, then exec {@link FakeUpstream} on them. The gateway
 * may create a FIFO between the check and the shim's own mkfifo, so a failed mkfifo with the FIFO
 * present is fine.
 */
public final class FifoShim {
  private FifoShim() {}

  public static Process start(Path dir) throws IOException {
    String command =
        String.join(" ", FakeUpstream.command().stream().map(a -> "'" + a + "'").toList());
    String script =
        "cd '"
            + dir
            + "' && { mkfifo in 2>/dev/null || [ -p in ]; } && { mkfifo out 2>/dev/null || [ -p out ]; } && exec "
            + command
            + " <in >out";
    return new ProcessBuilder("sh", "-c", script)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
