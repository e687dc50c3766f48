package io.mcpoperator.k8stools;

import io.mcpoperator.k8stools.config.ServerConfig;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the Kubernetes tools server: {@code java -jar mcp-k8s-server.jar [--port 9096] ...}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger log = LoggerFactory.getLogger(Main.class);
    ServerConfig config;
    try {
      config = ServerConfig.from(Arrays.asList(args), System.getenv());
    } catch (RuntimeException e) {
      System.err.println("mcp-k8s-server: " + e.getMessage());
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
