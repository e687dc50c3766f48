package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict mode's guard against reading this server's own files ({@code kubectl create secret generic
 * x --from-file=/var/run/secrets/.../token --dry-run=client -o yaml} would print the server's
 * credentials). Callers cannot upload files, so a file flag can only name a server file or a URL;
 * only {@code http(s)} URLs (and {@code -}, the empty stdin) are accepted.
 */
final class ServerFiles {
  static final String RULE = "server-files";

  private ServerFiles() {}

  /** The reason to block, if any reading passes a server file to a file flag. */
  static Optional<String> firstRead(Tool tool, List<CommandShape> readings) {
    ToolFlags known = ToolFlags.of(tool);
    for (CommandShape shape : readings) {
      for (Map.Entry<String, List<String>> flag : shape.values().entrySet()) {
        if (!known.serverFiles().contains(flag.getKey())) {
          continue;
        }
        for (String value : flag.getValue()) {
          if (!isUrl(value) && !value.equals("-")) {
            return Optional.of(
                flag.getKey()
                    + " "
                    + value
                    + " would read a file of this server; only http(s) URLs are accepted");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isUrl(String value) {
    return value.startsWith("https://") || value.startsWith("http://");
  }
}
