package io.mcpoperator.operator.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.mcpregistry.RegistrySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API server would say about each object before the operator sees it: apiVersion and kind
 * set, a kind and version the {@code mcpoperator.io} CRDs serve, no unknown fields (a warning, and
 * pruned as the API server prunes them; an error with {@code --strict}), no two objects of one kind
 * with the same namespace/name. Objects of other groups are listed as skipped.
 */
final class ManifestChecks {
  private ManifestChecks() {}

  private static final String REGISTRY_KIND = "MCPRegistry";

  /** The objects without errors: the MCPServers to render and the objects they may select. */
  record Checked(List<Manifest> servers, List<Manifest> members) {}

  static Checked check(
      List<Manifest> manifests, CrdSchemas schemas, boolean strict, RenderProblems problems) {
    List<Manifest> servers = new ArrayList<>();
    List<Manifest> members = new ArrayList<>();
    Map<String, Manifest> seen = new HashMap<>();
    for (Manifest manifest : manifests) {
      if (!typed(manifest, problems)) {
        continue;
      }
      if (!CrdSchemas.inGroup(manifest.apiVersion())) {
        problems.skipped(manifest.place(), "not an mcpoperator.io kind; apply it yourself");
        members.add(manifest);
        continue;
      }
      if (ours(manifest, schemas, strict, problems) && unique(manifest, seen, problems)) {
        if (REGISTRY_KIND.equals(manifest.kind())) {
          registry(manifest, problems);
          continue;
        }
        (McpServer.KIND.equals(manifest.kind()) ? servers : members).add(manifest);
      }
    }
    return new Checked(List.copyOf(servers), List.copyOf(members));
  }

  /** An MCPRegistry is read as the operator reads it, and left to the operator to sync. */
  private static void registry(Manifest manifest, RenderProblems problems) {
    JsonElement spec = manifest.json().get("spec");
    try {
      RegistrySpec.read(
          spec != null && spec.isJsonObject() ? spec.getAsJsonObject() : new JsonObject());
      problems.skipped(
          manifest.place(),
          "checked; render syncs no registry (it sees no cluster), so apply it yourself and the"
              + " operator syncs it");
    } catch (IllegalArgumentException invalid) {
      problems.error(manifest.place(), invalid.getMessage());
    }
  }

  private static boolean typed(Manifest manifest, RenderProblems problems) {
    List<String> missing = new ArrayList<>();
    for (String field : List.of("apiVersion", "kind")) {
      JsonElement value = manifest.json().get(field);
      if (value == null || value.isJsonNull()) {
        missing.add(field + " not set");
      } else if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        missing.add(field + " must be a string");
      } else if (value.getAsString().isBlank()) {
        missing.add(field + " not set");
      }
    }
    if (!missing.isEmpty()) {
      problems.error(manifest.place(), String.join(", ", missing));
    }
    return missing.isEmpty();
  }

  private static boolean ours(
      Manifest manifest, CrdSchemas schemas, boolean strict, RenderProblems problems) {
    CrdSchemas.Lookup lookup = schemas.lookup(manifest.apiVersion(), manifest.kind());
    Optional<CrdSchemas.Version> version = lookup.version();
    if (version.isEmpty()) {
      problems.error(manifest.place(), lookup.problem());
      return false;
    }
    List<String> metadata = ObjectMetaCheck.problems(manifest.json().get("metadata"));
    metadata.forEach(problem -> problems.error(manifest.place(), problem));
    if (!metadata.isEmpty()) {
      return false;
    }
    List<String> unknown = StrictFields.prune(version.get().schema(), manifest.json());
    for (String field : unknown) {
      String message = "unknown field \"" + field + "\"";
      if (strict) {
        problems.error(manifest.place(), message);
      } else {
        problems.warning(manifest.place(), message);
      }
    }
    return !strict || unknown.isEmpty();
  }

  private static boolean unique(
      Manifest manifest, Map<String, Manifest> seen, RenderProblems problems) {
    Manifest first = seen.putIfAbsent(manifest.kind() + " " + manifest.key(), manifest);
    if (first != null) {
      problems.error(
          manifest.place(),
          "duplicate "
              + manifest.kind()
              + " "
              + manifest.key()
              + ": first defined at "
              + first.where());
      return false;
    }
    return true;
  }
}
