package io.mcpoperator.k8stools;

import io.mcpoperator.k8stools.config.ServerConfig;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the Kubernetes tools server: {@code mcp-k8s-server [--port 9096] ...}. */
public final class Main {
  static final String USAGE =
      """
      Usage: mcp-k8s-server [options]

      Kubernetes CLI tools (kubectl, helm, istioctl, argocd) over MCP (/mcp) and REST (/tools/...).

      Options (each also read from the environment variable shown):
        --host <address>          listen address (HOST, default 0.0.0.0)
        --port <port>             listen port, 0 for any free one (PORT, default 9096)
        --mode strict|permissive  policy mode (K8S_TOOLS_MODE, default strict)
        --policy-file <file>      policy YAML (K8S_TOOLS_POLICY_FILE; inline: K8S_TOOLS_POLICY)
        --timeout <seconds>       per command, then the process tree is killed
                                  (K8S_TOOLS_TIMEOUT_SECONDS, default 300)
        --max-output <chars>      stdout and stderr kept per command
                                  (K8S_TOOLS_MAX_OUTPUT_CHARS, default 100000)
        --temp-dir <dir>          per-call private directories (K8S_TOOLS_TEMP_DIR)
        --allowed-origins <list>  browser origins allowed, comma-separated, * for any
                                  (K8S_TOOLS_ALLOWED_ORIGINS, default loopback only)
        -h, --help                show this help
        -V, --version             show the version
      Options take their value as '--port 9096' or '--port=9096'.
      More: K8S_TOOLS_ALLOW, K8S_TOOLS_DENY, K8S_TOOLS_<NAME>_PATH, LOG_FORMAT, LOG_LEVEL
      (docs/image-server.md).
      """;

  private Main() {}

  /**
   * Answers {@code --help} and {@code --version} (anywhere among the arguments) on {@code out}: the
   * exit code when one was asked, empty when the server should start.
   */
  static Optional<Integer> informational(List<String> args, PrintStream out) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(USAGE);
      return Optional.of(0);
    }
    if (args.contains("--version") || args.contains("-V")) {
      out.println("mcp-k8s-server " + VersionInfo.version());
      return Optional.of(0);
    }
    return Optional.empty();
  }

  public static void main(String[] args) {
    Optional<Integer> asked = informational(Arrays.asList(args), System.out);
    if (asked.isPresent()) {
      System.out.flush();
      System.exit(asked.get());
      return;
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger log = LoggerFactory.getLogger(Main.class);
    ServerConfig config;
    try {
      config = ServerConfig.from(Arrays.asList(args), System.getenv());
    } catch (RuntimeException e) {
      System.err.println("mcp-k8s-server: " + e.getMessage());
      System.err.println("Try 'mcp-k8s-server --help'.");
      System.exit(2);
      return;
    }
    K8sToolsServer server = K8sToolsServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    log.atInfo()
        .addKeyValue("port", server.port())
        .addKeyValue("mode", config.policy().mode().label())
        .addKeyValue("timeoutSeconds", config.timeout().toSeconds())
        .log("mcp-k8s-server started");
  }
}
