package io.mcpoperator.operator.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The kinds, served versions and OpenAPI schemas of the {@code mcpoperator.io} API, read from the
 * CRDs that the build copies from {@code crds/} into the jar: what an API server with the CRDs
 * installed would accept.
 */
final class CrdSchemas {
  static final String GROUP = "mcpoperator.io";

  /** The CRD files embedded under {@code /crds}; CrdSchemasTest keeps this in step with crds/. */
  static final List<String> PLURALS =
      List.of("mcpprompts", "mcpregistries", "mcpresources", "mcpservers", "mcptools");

  /** A served version of a kind, with its {@code openAPIV3Schema}. */
  record Version(String kind, String name, Map<String, Object> schema) {}

  private final Map<String, Map<String, Version>> kinds;

  CrdSchemas(Map<String, Map<String, Version>> kinds) {
    this.kinds = Map.copyOf(kinds);
  }

  /** The schemas embedded in the jar. */
  static CrdSchemas embedded() {
    return Embedded.SCHEMAS;
  }

  /** Whether {@code apiVersion} is in the {@code mcpoperator.io} group. */
  static boolean inGroup(String apiVersion) {
    return apiVersion.equals(GROUP) || apiVersion.startsWith(GROUP + "/");
  }

  /** The schema of a kind at an apiVersion of the group, or what is wrong with the pair. */
  Lookup lookup(String apiVersion, String kind) {
    Map<String, Version> versions = kinds.get(kind);
    if (versions == null) {
      return new Lookup(
          Optional.empty(),
          "unknown kind \""
              + kind
              + "\" in "
              + GROUP
              + " (kinds: "
              + String.join(", ", kinds())
              + ")");
    }
    String version =
        apiVersion.startsWith(GROUP + "/") ? apiVersion.substring(GROUP.length() + 1) : "";
    Version found = versions.get(version);
    if (found == null) {
      return new Lookup(
          Optional.empty(),
          "apiVersion \""
              + apiVersion
              + "\" is not served for "
              + kind
              + " (use "
              + String.join(" or ", versions.keySet().stream().map(v -> GROUP + "/" + v).toList())
              + ")");
    }
    return new Lookup(Optional.of(found), "");
  }

  /** A found version, or the problem (empty when found). */
  record Lookup(Optional<Version> version, String problem) {}

  List<String> kinds() {
    return kinds.keySet().stream().sorted().toList();
  }

  @SuppressWarnings("unchecked")
  static CrdSchemas of(List<Map<String, Object>> crds) {
    Map<String, Map<String, Version>> kinds = new TreeMap<>();
    for (Map<String, Object> crd : crds) {
      Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
      String kind = (String) ((Map<String, Object>) spec.get("names")).get("kind");
      Map<String, Version> versions = new TreeMap<>();
      for (Object v : (List<Object>) spec.get("versions")) {
        Map<String, Object> version = (Map<String, Object>) v;
        if (Boolean.TRUE.equals(version.get("served"))) {
          Map<String, Object> schema =
              (Map<String, Object>)
                  ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
          String name = (String) version.get("name");
          versions.put(name, new Version(kind, name, schema));
        }
      }
      kinds.put(kind, versions);
    }
    return new CrdSchemas(kinds);
  }

  private static final class Embedded {
    static final CrdSchemas SCHEMAS = load();

    private static CrdSchemas load() {
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      return of(PLURALS.stream().map(plural -> read(yaml, plural)).toList());
    }

    private static Map<String, Object> read(Yaml yaml, String plural) {
      String resource = "/crds/" + GROUP + "_" + plural + ".yaml";
      try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks " + resource + ": rebuild it");
        }
        return yaml.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
