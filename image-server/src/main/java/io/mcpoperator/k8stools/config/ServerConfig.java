package io.mcpoperator.k8stools.config;

import io.mcpoperator.k8stools.command.TextFilters;
import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.exec.ToolLocator;
import io.mcpoperator.k8stools.policy.Policy;
import io.mcpoperator.k8stools.policy.PolicyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's settings, read once at startup from command-line options (which win) and the
 * environment. See docs/image-server.md for the list.
 */
public record ServerConfig(
    String host,
    int port,
    Policy policy,
    Duration timeout,
    int maxOutputChars,
    Path tempRoot,
    ToolLocator locator,
    List<String> allowedOrigins) {

  public static final int DEFAULT_PORT = 9096;

  public ServerConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** Reads the settings; {@link IllegalArgumentException} with a message for bad values. */
  public static ServerConfig from(List<String> args, Map<String, String> env) {
    Map<String, String> options = options(args);
    String host = pick(options, "host", env, "HOST").orElse("0.0.0.0");
    int port = number(pick(options, "port", env, "PORT"), DEFAULT_PORT, "port");
    Optional<String> policyYaml =
        pick(options, "policy-file", env, "K8S_TOOLS_POLICY_FILE")
            .map(ServerConfig::read)
            .or(() -> Optional.ofNullable(env.get("K8S_TOOLS_POLICY")));
    Policy policy =
        PolicyLoader.load(
            policyYaml,
            pick(options, "mode", env, "K8S_TOOLS_MODE"),
            env.getOrDefault("K8S_TOOLS_ALLOW", ""),
            env.getOrDefault("K8S_TOOLS_DENY", ""));
    int timeoutSeconds =
        number(pick(options, "timeout", env, "K8S_TOOLS_TIMEOUT_SECONDS"), 300, "timeout");
    int maxOutput =
        number(
            pick(options, "max-output", env, "K8S_TOOLS_MAX_OUTPUT_CHARS"), 100_000, "max-output");
    Path tempRoot =
        Path.of(
            pick(options, "temp-dir", env, "K8S_TOOLS_TEMP_DIR")
                .orElse(System.getProperty("java.io.tmpdir")));
    Map<String, Path> configured = new HashMap<>();
    Stream.concat(Tool.names().stream(), TextFilters.names().stream())
        .forEach(
            name -> {
              String key = "K8S_TOOLS_" + name.toUpperCase(Locale.ROOT) + "_PATH";
              Optional.ofNullable(env.get(key))
                  .filter(s -> !s.isBlank())
                  .ifPresent(p -> configured.put(name, Path.of(p)));
            });
    ToolLocator locator =
        new ToolLocator(
            ToolLocator.parsePath(env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin")),
            configured);
    List<String> origins =
        pick(options, "allowed-origins", env, "K8S_TOOLS_ALLOWED_ORIGINS").stream()
            .flatMap(list -> Stream.of(list.split(",")))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    return new ServerConfig(
        host,
        port,
        policy,
        Duration.ofSeconds(timeoutSeconds),
        maxOutput,
        tempRoot,
        locator,
        origins);
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        options.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.size()) {
        options.put(arg.substring(2), args.get(++i));
      } else {
        throw new IllegalArgumentException("option " + arg + " needs a value");
      }
    }
    for (String key : options.keySet()) {
      if (!List.of(
              "host",
              "port",
              "policy-file",
              "mode",
              "timeout",
              "max-output",
              "temp-dir",
              "allowed-origins")
          .contains(key)) {
        throw new IllegalArgumentException(
            "unknown option --"
                + key
                + "; known: --host --port --policy-file --mode --timeout --max-output --temp-dir"
                + " --allowed-origins");
      }
    }
    return options;
  }

  private static Optional<String> pick(
      Map<String, String> options, String option, Map<String, String> env, String var) {
    return Optional.ofNullable(options.get(option))
        .or(() -> Optional.ofNullable(env.get(var)))
        .filter(s -> !s.isBlank());
  }

  private static int number(Optional<String> text, int fallback, String name) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get().strip());
      if (value < 0 || (value == 0 && !name.equals("port"))) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + text.get() + "'", e);
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy file " + file, e);
    }
  }
}
