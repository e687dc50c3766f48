package io.mcpoperator.gateway;

import io.mcpoperator.gateway.config.CommandLine;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.ConfigWatcher;
import io.mcpoperator.gateway.config.Environment;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.training.AotTraining;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Entry point of the MCP gateway sidecar: {@code --config <file>} (reloaded on change) or flags;
 * see {@link CommandLine#USAGE}. Listens on {@code --host} or {@code MCP_GATEWAY_HOST} (default all
 * interfaces).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private static final int TRAINING_CALLS = 2000;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    if (args.length == 1 && args[0].equals("--aot-training")) {
      train();
      return;
    }
    List<String> given = List.of(args);
    if (given.contains("--help") || given.contains("-h")) {
      System.out.println(CommandLine.USAGE);
      System.exit(0);
      return;
    }
    if (given.contains("--version") || given.contains("-V")) {
      System.out.println("mcp-gateway " + version());
      System.exit(0);
      return;
    }
    Optional<Running> running = start(List.of(args), System.getenv(), System.err);
    if (running.isEmpty()) {
      System.exit(2);
      return;
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("shutting down");
                  running.get().close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
  }

  /**
   * {@code --aot-training}: the workout the image build runs under {@code -XX:AOTCacheOutput=...}
   * (see {@link AotTraining}); exits 1 when the gateway answered anything unexpected.
   */
  private static void train() {
    try {
      int checks = AotTraining.run(TRAINING_CALLS, config -> Gateway.start(config, "127.0.0.1"));
      LOG.info("aot training: {} checks passed", checks);
    } catch (IOException | RuntimeException e) {
      LOG.error("aot training failed: {}", e.toString());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /** The version in the jar's manifest ({@code unknown} when run from classes). */
  static String version() {
    return Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
        .orElse("unknown");
  }

  /** A started gateway and, for a config file, its watcher. */
  public record Running(Gateway gateway, Optional<ConfigWatcher> watcher) implements AutoCloseable {
    @Override
    public void close() {
      watcher.ifPresent(ConfigWatcher::close);
      gateway.close();
    }
  }

  /**
   * Parses the command line and starts the gateway; empty (after telling why) when it cannot. This
   * is where the gateway's configuration is read: the command line, {@code env} (the process
   * environment), the configuration file it names and the system properties ({@link Environment}).
   */
  public static Optional<Running> start(
      List<String> args, Map<String, String> env, PrintStream err) {
    try {
      CommandLine.Launch launch = CommandLine.parse(args, env);
      GatewayConfig config =
          switch (launch) {
            case CommandLine.FromFile f -> ConfigLoader.load(f.file());
            case CommandLine.FromFlags f -> f.config();
          };
      String host = CommandLine.host(args, env);
      Environment environment = Environment.of(env, System::getProperty);
      Gateway gateway = Gateway.start(config, host, environment);
      Optional<ConfigWatcher> watcher =
          launch instanceof CommandLine.FromFile f
              ? Optional.of(new ConfigWatcher(f.file(), gateway::reload))
              : Optional.empty();
      return Optional.of(new Running(gateway, watcher));
    } catch (IllegalArgumentException | IOException e) {
      err.println(e.getMessage());
      return Optional.empty();
    }
  }
}
