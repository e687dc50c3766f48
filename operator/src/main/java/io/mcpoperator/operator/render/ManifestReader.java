package io.mcpoperator.operator.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the objects of a multi-document YAML stream. A document that is a list or a scalar is an
 * error (kubectl refuses it too); an empty document is skipped; the items of a {@code kind: List}
 * count as objects. A YAML syntax error ends the stream, after the documents before it.
 */
final class ManifestReader {
  private static final int SHOWN_SCALAR = 40;

  private ManifestReader() {}

  /** The objects of {@code reader}, whose problems are reported under the name {@code source}. */
  static List<Manifest> read(String source, Reader reader, RenderProblems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<Manifest> manifests = new ArrayList<>();
    int index = 0;
    try {
      for (Object document : yaml.loadAll(reader)) {
        index++;
        Place where = Place.of(source, index);
        switch (document) {
          case null -> {}
          case Map<?, ?> map -> add(manifests, source, index, 0, json(map).getAsJsonObject());
          case List<?> list ->
              problems.error(
                  where,
                  "a YAML list is not a Kubernetes object: write one object per document,"
                      + " separated by ---, or a kind: List with items");
          default ->
              problems.error(
                  where, "the scalar " + shown(document) + " is not a Kubernetes object");
        }
      }
    } catch (MarkedYAMLException e) {
      problems.error(Place.of(source, index + 1), "not valid YAML: " + describe(e));
    } catch (YAMLException e) {
      problems.error(Place.of(source, index + 1), "cannot be read: " + e.getMessage());
    }
    return manifests;
  }

  private static void add(
      List<Manifest> manifests, String source, int document, int item, JsonObject object) {
    Manifest manifest = new Manifest(source, document, item, object);
    JsonElement items = object.get("items");
    if (item == 0 && manifest.kind().endsWith("List") && items != null && items.isJsonArray()) {
      JsonArray array = items.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isJsonObject()) {
          add(manifests, source, document, i + 1, array.get(i).getAsJsonObject());
        }
      }
    } else {
      manifests.add(manifest);
    }
  }

  /** {@code found duplicate key spec at line 7, column 3}: no snippet, no Java class names. */
  private static String describe(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    if (mark == null) {
      return problem;
    }
    return problem + " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static String shown(Object scalar) {
    String text = String.valueOf(scalar).strip();
    return "\""
        + (text.length() > SHOWN_SCALAR ? text.substring(0, SHOWN_SCALAR) + "..." : text)
        + "\"";
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
