package io.mcpoperator.operator.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads Kubernetes manifests (multi-document YAML) from files and directories. */
final class ManifestReader {
  private ManifestReader() {}

  /** An object read from a manifest, with the file it came from. */
  record Manifest(Path source, JsonObject json) {
    String kind() {
      return string("kind");
    }

    String apiVersion() {
      return string("apiVersion");
    }

    private String string(String field) {
      JsonElement value = json.get(field);
      return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }
  }

  /**
   * The YAML files at a path: the file itself, or every *.yaml / *.yml below a directory, sorted.
   */
  static List<Path> files(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      if (!Files.isRegularFile(path)) {
        throw new IOException(path + ": no such file or directory");
      }
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  /** Every object in a file; items of a {@code kind: List} count as objects. */
  static List<Manifest> read(Path file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Manifest> manifests = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : yaml.loadAll(reader)) {
        if (document instanceof Map<?, ?>) {
          add(manifests, file, json(document).getAsJsonObject());
        }
      }
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new IOException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    return manifests;
  }

  private static void add(List<Manifest> manifests, Path file, JsonObject object) {
    Manifest manifest = new Manifest(file, object);
    JsonElement items = object.get("items");
    if (manifest.kind().endsWith("List") && items != null && items.isJsonArray()) {
      items
          .getAsJsonArray()
          .forEach(
              item -> {
                if (item.isJsonObject()) {
                  add(manifests, file, item.getAsJsonObject());
                }
              });
    } else {
      manifests.add(manifest);
    }
  }

  private static JsonElement json(Object yaml) {
    return switch (yaml) {
      case null -> JsonNull.INSTANCE;
      case Map<?, ?> map -> {
        JsonObject object = new JsonObject();
        map.forEach((k, v) -> object.add(String.valueOf(k), json(v)));
        yield object;
      }
      case List<?> list -> {
        JsonArray array = new JsonArray();
        list.forEach(v -> array.add(json(v)));
        yield array;
      }
      case Number n -> new JsonPrimitive(n);
      case Boolean b -> new JsonPrimitive(b);
      case Date d -> new JsonPrimitive(d.toInstant().toString());
      default -> new JsonPrimitive(yaml.toString());
    };
  }
}
