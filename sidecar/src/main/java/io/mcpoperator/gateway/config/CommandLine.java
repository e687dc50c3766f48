package io.mcpoperator.gateway.config;

import io.mcpoperator.gateway.config.GatewayConfig.RedisConfig;
import io.mcpoperator.gateway.config.GatewayConfig.Transport;
import io.mcpoperator.gateway.config.GatewayConfig.UpstreamConfig;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's command line: either {@code --config <file>} (or env {@code MCP_GATEWAY_CONFIG})
 * for the operator's JSON, or flags that mean the same things for local use.
 */
public final class CommandLine {
  public static final String USAGE =
      """
      Usage: mcp-gateway [--host ADDRESS] --config <file>
             mcp-gateway [--host ADDRESS] [--port N] [--redis redis://host:port[/db]]
                 (--upstream-command "<cmd> <args>" | --upstream-url URL [--upstream-transport streamable-http|sse]
                  | --fifo-dir DIR) [--upstream-protocol VERSION]
             mcp-gateway --help | --version

        --host ADDRESS   listen address (env MCP_GATEWAY_HOST, default 0.0.0.0)
        --port N         listen port (default 8090)
        --config FILE    the operator's JSON configuration, reloaded on change (env MCP_GATEWAY_CONFIG)
        -h, --help       show this help;  -V, --version  show the version
      Values go as '--port 8090' or '--port=8090'. Exit codes: 0 help/version, 2 bad options or
      configuration.""";

  /** The listen address: {@code --host} over {@code MCP_GATEWAY_HOST}, default all interfaces. */
  public static String host(List<String> args, Map<String, String> env) {
    List<String> flat = flatten(args);
    for (int i = 0; i + 1 < flat.size(); i++) {
      if (flat.get(i).equals("--host")) {
        return flat.get(i + 1);
      }
    }
    return Optional.ofNullable(env.get("MCP_GATEWAY_HOST"))
        .filter(h -> !h.isBlank())
        .orElse("0.0.0.0");
  }

  /** {@code --name=value} as {@code --name value}. */
  private static List<String> flatten(List<String> args) {
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        out.add(arg.substring(0, eq));
        out.add(arg.substring(eq + 1));
      } else {
        out.add(arg);
      }
    }
    return out;
  }

  /** What to run: a config file to load and watch, or a configuration built from flags. */
  public sealed interface Launch {}

  public record FromFile(Path file) implements Launch {}

  public record FromFlags(GatewayConfig config) implements Launch {}

  private CommandLine() {}

  public static Launch parse(List<String> given, Map<String, String> env) {
    List<String> args = flatten(given);
    Optional<String> config =
        Optional.ofNullable(env.get("MCP_GATEWAY_CONFIG")).filter(s -> !s.isBlank());
    Integer port = null;
    Optional<String> redis = Optional.empty();
    Optional<String> command = Optional.empty();
    Optional<String> url = Optional.empty();
    Optional<String> transport = Optional.empty();
    Optional<String> fifoDir = Optional.empty();
    Optional<String> protocol = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value for " + flag + "\n" + USAGE);
      }
      String value = args.get(++i);
      switch (flag) {
        case "--config" -> config = Optional.of(value);
        case "--host" -> {
          if (value.isBlank()) {
            throw new IllegalArgumentException("--host needs an address\n" + USAGE);
          }
        }
        case "--port" -> port = parsePort(value);
        case "--redis" -> redis = Optional.of(value);
        case "--upstream-command" -> command = Optional.of(value);
        case "--upstream-url" -> url = Optional.of(value);
        case "--upstream-transport" -> transport = Optional.of(value);
        case "--fifo-dir" -> fifoDir = Optional.of(value);
        case "--upstream-protocol" -> protocol = Optional.of(value);
        default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
      }
    }
    if (config.isPresent()) {
      return new FromFile(Path.of(config.get()));
    }
    GatewayConfig defaults = ConfigLoader.defaults();
    UpstreamConfig upstream;
    if (command.isPresent()) {
      upstream =
          new UpstreamConfig(
              Transport.STDIO,
              Optional.empty(),
              split(command.get()),
              defaults.upstream().fifoDir());
    } else if (url.isPresent()) {
      upstream =
          new UpstreamConfig(
              Transport.parse(transport.orElse("streamable-http")),
              url,
              List.of(),
              defaults.upstream().fifoDir());
    } else if (fifoDir.isPresent()) {
      upstream = new UpstreamConfig(Transport.STDIO, Optional.empty(), List.of(), fifoDir.get());
    } else {
      throw new IllegalArgumentException(
          "no upstream: give --upstream-command, --upstream-url or --fifo-dir\n" + USAGE);
    }
    upstream =
        new UpstreamConfig(
            upstream.transport(),
            upstream.url(),
            upstream.command(),
            upstream.fifoDir(),
            ConfigLoader.protocolVersion(
                upstream.transport(),
                protocol.map(p -> (JsonValue) Json.string(p)).orElse(null),
                "--upstream-protocol"));
    return new FromFlags(
        new GatewayConfig(
            1,
            defaults.server(),
            port == null ? defaults.port() : port,
            upstream,
            redis.map(CommandLine::redis),
            defaults.limits(),
            defaults.tools(),
            defaults.prompts(),
            defaults.resources()));
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException("--port must be a port number, got " + value);
  }

  /** {@code redis://[:password@]host[:port][/db]}; a password in the URL is exported via env. */
  static RedisConfig redis(String value) {
    URI uri = URI.create(value);
    if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("--redis must look like redis://host:port, got " + value);
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
    int db = path.isEmpty() ? 0 : Integer.parseInt(path);
    return new RedisConfig(
        uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), "MCP_GATEWAY_REDIS_PASSWORD", db);
  }

  /** Splits a command line on spaces, honouring single and double quotes. */
  static List<String> split(String line) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any || !current.isEmpty()) {
          parts.add(current.toString());
          current.setLength(0);
          any = false;
        }
      } else {
        current.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced quote in --upstream-command: " + line);
    }
    if (any || !current.isEmpty()) {
      parts.add(current.toString());
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("--upstream-command is empty");
    }
    return parts;
  }
}
