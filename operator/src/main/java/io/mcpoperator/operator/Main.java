package io.mcpoperator.operator;

import io.helidon.config.Config;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.KubeClients;
import io.mcpoperator.operator.reconcile.OperatorRuntime;
import io.mcpoperator.operator.render.RenderCommand;
import io.mcpoperator.operator.web.ObserveServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code mcp-operator}: runs the operator against the current kubeconfig or the in-cluster service
 * account; {@code render -f FILE|DIR} prints the objects it would create.
 */
public final class Main {

  static final String USAGE =
      """
      Usage: mcp-operator [--host ADDRESS] [--port N]
             mcp-operator render -f <file-or-dir>... | --help | --version

        (no arguments)  run the operator against the current kubeconfig (KUBECONFIG or
                        ~/.kube/config) or, inside a pod, the in-cluster service account
        render          print, as YAML, the objects the operator would create for the MCPServers
                        in the given files; needs no cluster (render --help for options)
        --host, --port  address and port of /observe/health and /observe/metrics
                        (HEALTH_HOST, HEALTH_PORT; default 0.0.0.0:8081)
        --help, -h      show this help
        --version, -V   show the version

      Settings (environment): RELATED_IMAGE_GATEWAY, GATEWAY_PORT, WATCH_NAMESPACES,
      LEADER_ELECTION_ENABLED, LEASE_NAME, LEASE_NAMESPACE/POD_NAMESPACE, POD_NAME, HEALTH_PORT,
      DELETION_TIMEOUT, RESYNC_PERIOD, WORKERS, CRD_DISCOVERY_INTERVAL (default 30s: how soon a
      CRD installed later is served), LOG_FORMAT=text for human-readable logs.
      """;

  private Main() {}

  public static void main(String[] args) {
    // Only command output reaches stdout. Whatever a library prints there (logback's status dump
    // when a configuration is broken, a stray println) goes to stderr instead, before any logging
    // library is loaded.
    PrintStream stdout = System.out;
    System.setOut(System.err);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Optional<Map<String, String>> serve = serveOptions(Arrays.asList(args), System.getenv());
    if (serve.isPresent()) {
      int code = runOperator(serve.get(), System.err);
      if (code != 0) {
        System.exit(code);
      }
      return;
    }
    int code = command(Arrays.asList(args), System.in, stdout, System.err);
    stdout.flush();
    System.exit(code);
  }

  /**
   * The environment to run the operator with when the arguments ask for that: none, or only {@code
   * --host}/{@code --port} (the health and metrics listener, over {@code HEALTH_HOST}/{@code
   * HEALTH_PORT}); empty when the arguments name a command.
   */
  static Optional<Map<String, String>> serveOptions(List<String> args, Map<String, String> env) {
    Map<String, String> out = new java.util.HashMap<>(env);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String variable =
          switch (name) {
            case "--host" -> "HEALTH_HOST";
            case "--port" -> "HEALTH_PORT";
            default -> null;
          };
      if (variable == null) {
        return Optional.empty();
      }
      if (arg.contains("=")) {
        out.put(variable, arg.substring(arg.indexOf('=') + 1));
      } else if (i + 1 < args.size()) {
        out.put(variable, args.get(++i));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  /** The version in the jar's manifest ({@code unknown} when run from classes). */
  static String version() {
    return Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
        .orElse("unknown");
  }

  /** Runs a command other than the operator itself; returns the exit code. */
  static int command(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    return switch (args.getFirst()) {
      case "render" -> RenderCommand.run(args.subList(1, args.size()), in, out, err);
      case "--help", "-h", "help" -> {
        out.print(USAGE);
        yield 0;
      }
      case "--version", "-V" -> {
        out.println("mcp-operator " + version());
        yield 0;
      }
      default -> {
        err.println("mcp-operator: unknown argument \"" + args.getFirst() + "\"");
        err.print(USAGE);
        yield 2;
      }
    };
  }

  /** Runs the operator until SIGTERM; returns non-zero at once when it cannot start. */
  static int runOperator(Map<String, String> env, PrintStream err) {
    Running running;
    try {
      running = start(OperatorConfig.load(Config.create(), env), KubeClients.connect(env));
    } catch (IllegalArgumentException e) {
      err.println("mcp-operator: " + e.getMessage());
      return 2;
    } catch (KubeClients.Unreachable e) {
      err.println("mcp-operator: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Starts the health/metrics server and the operator; close to stop both. */
  public static Running start(OperatorConfig config, KubeClients clients) {
    OperatorRuntime runtime =
        new OperatorRuntime(clients.calls(), clients.watches(), config, Clock.systemUTC());
    ObserveServer web = ObserveServer.start(config.healthHost(), config.healthPort(), runtime);
    runtime.start();
    Running running = new Running(runtime, web);
    LoggerFactory.getLogger(Main.class)
        .info(
            "mcp-operator started health=:{} namespaces={} leaderElection={}",
            web.port(),
            config.watchNamespaces().isEmpty() ? "all" : config.watchNamespaces(),
            config.leaderElection().enabled());
    return running;
  }

  /** A started operator. Closing stops the controllers, releases the lease, stops the server. */
  public static final class Running implements AutoCloseable {
    private final OperatorRuntime runtime;
    private final ObserveServer web;
    private final AtomicBoolean closed = new AtomicBoolean();

    Running(OperatorRuntime runtime, ObserveServer web) {
      this.runtime = runtime;
      this.web = web;
    }

    public OperatorRuntime runtime() {
      return runtime;
    }

    public ObserveServer web() {
      return web;
    }

    /** Idempotent: stops the controllers, releases the lease, stops the web server. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        LoggerFactory.getLogger(Main.class).info("mcp-operator stopping");
        runtime.close();
        web.close();
      }
    }
  }
}
