package io.mcpoperator.operator.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.desired.ChildSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The command line of {@code render}. */
record RenderOptions(List<Path> paths, String namespace, ChildSettings settings, boolean help) {

  static RenderOptions parse(List<String> args) {
    List<Path> paths = new ArrayList<>();
    String namespace = "default";
    ChildSettings settings = ChildSettings.defaults();
    Iterator<String> it = args.iterator();
    while (it.hasNext()) {
      String arg = it.next();
      switch (arg) {
        case "-h", "--help" -> {
          return new RenderOptions(List.of(), namespace, settings, true);
        }
        case "-f", "--filename" -> paths.add(Path.of(value(arg, it)));
        case "-n", "--namespace" -> namespace = value(arg, it);
        case "--gateway-image" -> settings = settings.withGatewayImage(value(arg, it));
        case "--gateway-port" -> settings = settings.withGatewayPort(port(value(arg, it)));
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("-f <file-or-dir> is required");
    }
    return new RenderOptions(List.copyOf(paths), namespace, settings, false);
  }

  /** Sets {@code metadata.namespace} when the manifest names none. */
  void defaultNamespace(JsonObject manifest) {
    JsonElement metadata = manifest.get("metadata");
    if (metadata == null || !metadata.isJsonObject()) {
      metadata = new JsonObject();
      manifest.add("metadata", metadata);
    }
    JsonElement current = metadata.getAsJsonObject().get("namespace");
    if (current == null || current.isJsonNull() || current.getAsString().isBlank()) {
      metadata.getAsJsonObject().addProperty("namespace", namespace);
    }
  }

  private static String value(String option, Iterator<String> it) {
    if (!it.hasNext()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return it.next();
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
