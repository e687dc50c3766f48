package io.mcpoperator.operator.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.desired.ChildSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code render}. Options take their value as the next argument or after {@code
 * =} ({@code --namespace=tools}); {@code -f -} reads stdin.
 */
record RenderOptions(
    List<String> paths,
    String namespace,
    ChildSettings settings,
    boolean strict,
    boolean keepGoing,
    boolean offline,
    Optional<Path> dockerConfig,
    boolean help) {

  static RenderOptions parse(List<String> args) {
    Parser parser = new Parser(args);
    while (parser.next()) {
      if (parser.help) {
        return new RenderOptions(
            List.of(),
            "default",
            ChildSettings.defaults(),
            false,
            false,
            false,
            Optional.empty(),
            true);
      }
    }
    if (parser.paths.isEmpty()) {
      throw new IllegalArgumentException("-f <file-or-dir> is required");
    }
    if (parser.paths.stream().filter("-"::equals).count() > 1) {
      throw new IllegalArgumentException("-f - (stdin) can be given only once");
    }
    return new RenderOptions(
        List.copyOf(parser.paths),
        parser.namespace,
        parser.settings,
        parser.strict,
        parser.keepGoing,
        parser.offline,
        parser.dockerConfig,
        false);
  }

  /**
   * Sets {@code metadata.namespace} when the manifest names none; a metadata or namespace of the
   * wrong type is left for the checks to report.
   */
  void defaultNamespace(JsonObject manifest) {
    JsonElement metadata = manifest.get("metadata");
    if (metadata == null || metadata.isJsonNull()) {
      metadata = new JsonObject();
      manifest.add("metadata", metadata);
    }
    if (!metadata.isJsonObject()) {
      return;
    }
    JsonElement current = metadata.getAsJsonObject().get("namespace");
    boolean blank = current != null && current.isJsonPrimitive() && current.getAsString().isBlank();
    if (current == null || current.isJsonNull() || blank) {
      metadata.getAsJsonObject().addProperty("namespace", namespace);
    }
  }

  private static final class Parser {
    private final List<String> args;
    private int index;
    private final List<String> paths = new ArrayList<>();
    private String namespace = "default";
    private ChildSettings settings = ChildSettings.defaults();
    private boolean strict;
    private boolean keepGoing;
    private boolean offline;
    private Optional<Path> dockerConfig = Optional.empty();
    private boolean help;

    Parser(List<String> args) {
      this.args = args;
    }

    /** Consumes one option; false when none is left. */
    boolean next() {
      if (index >= args.size()) {
        return false;
      }
      String arg = args.get(index++);
      int equals = arg.indexOf('=');
      String option = arg.startsWith("-") && equals > 0 ? arg.substring(0, equals) : arg;
      String inline = option.equals(arg) ? null : arg.substring(equals + 1);
      switch (option) {
        case "-h", "--help" -> help = true;
        case "--strict" -> strict = flag(option, inline);
        case "--keep-going" -> keepGoing = flag(option, inline);
        case "--offline" -> offline = flag(option, inline);
        case "--docker-config" -> dockerConfig = Optional.of(Path.of(value(option, inline)));
        case "-f", "--filename" -> paths.add(value(option, inline));
        case "-n", "--namespace" -> namespace = value(option, inline);
        case "--gateway-image" -> settings = settings.withGatewayImage(value(option, inline));
        case "--gateway-port" -> settings = settings.withGatewayPort(port(value(option, inline)));
        default -> throw unknown(arg);
      }
      return true;
    }

    private String value(String option, String inline) {
      if (inline != null) {
        return requireNonBlank(option, inline);
      }
      if (index >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return requireNonBlank(option, args.get(index++));
    }

    private static String requireNonBlank(String option, String value) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }

    private static boolean flag(String option, String inline) {
      if (inline == null || inline.equals("true")) {
        return true;
      }
      if (inline.equals("false")) {
        return false;
      }
      throw new IllegalArgumentException(
          option + " takes no value (or =true/=false), got " + inline);
    }

    private static IllegalArgumentException unknown(String arg) {
      if (arg.startsWith("-") && !arg.equals("-")) {
        return new IllegalArgumentException("unknown option \"" + arg + "\"");
      }
      return new IllegalArgumentException(
          "unexpected argument \"" + arg + "\": name files and directories with -f " + arg);
    }

    private static int port(String text) {
      try {
        int port = Integer.parseInt(text);
        if (port >= 1 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--gateway-port must be a port number, got " + text);
    }
  }
}
