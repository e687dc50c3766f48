package io.mcpoperator.operator.crd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML documents as plain maps and lists, and navigation in them. */
final class YamlTree {
  private YamlTree() {}

  /** Every non-empty document of a file, as maps. Duplicate keys are an error, as in kubectl. */
  static List<Map<String, Object>> documents(Path file) {
    return documents(ProjectFiles.read(file));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(String text) {
    List<Map<String, Object>> docs = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  /** The only document of a file. */
  static Map<String, Object> document(Path file) {
    List<Map<String, Object>> docs = documents(file);
    if (docs.size() != 1) {
      throw new IllegalStateException(file + " holds " + docs.size() + " documents, expected 1");
    }
    return docs.getFirst();
  }

  /**
   * The value at a path of map keys (strings) and list indexes (integers), or {@code null} when any
   * step is missing.
   */
  static Object at(Object root, Object... path) {
    Object node = root;
    for (Object step : path) {
      if (node instanceof Map<?, ?> map && step instanceof String key) {
        node = map.get(key);
      } else if (node instanceof List<?> list && step instanceof Integer index) {
        node = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object root, Object... path) {
    return (Map<String, Object>) Objects.requireNonNull(at(root, path), () -> missing(path));
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object root, Object... path) {
    return (List<Object>) Objects.requireNonNull(at(root, path), () -> missing(path));
  }

  static String string(Object root, Object... path) {
    return (String) at(root, path);
  }

  /** A deep copy of maps and lists (scalars shared), so a test can edit a document freely. */
  static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, deepCopy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(YamlTree::deepCopy).toList());
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> copyOf(Map<String, Object> map) {
    return (Map<String, Object>) deepCopy(map);
  }

  private static String missing(Object... path) {
    return "nothing at " + List.of(path);
  }
}
