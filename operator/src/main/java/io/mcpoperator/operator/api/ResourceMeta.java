package io.mcpoperator.operator.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metadata of a custom resource that the operator acts on. Absent strings are empty, absent
 * collections are empty; labels are sorted so equal metadata compares equal. The creation timestamp
 * orders aggregated objects when two claim one name (the older wins).
 */
public record ResourceMeta(
    String namespace,
    String name,
    String uid,
    long generation,
    String resourceVersion,
    Map<String, String> labels,
    Optional<OffsetDateTime> deletionTimestamp,
    List<String> finalizers,
    Optional<OffsetDateTime> creationTimestamp) {

  public ResourceMeta {
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
    uid = uid == null ? "" : uid;
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
    labels =
        labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    deletionTimestamp = deletionTimestamp == null ? Optional.empty() : deletionTimestamp;
    finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
    creationTimestamp = creationTimestamp == null ? Optional.empty() : creationTimestamp;
  }

  /** Metadata without a creation timestamp (objects read from files). */
  public ResourceMeta(
      String namespace,
      String name,
      String uid,
      long generation,
      String resourceVersion,
      Map<String, String> labels,
      Optional<OffsetDateTime> deletionTimestamp,
      List<String> finalizers) {
    this(
        namespace,
        name,
        uid,
        generation,
        resourceVersion,
        labels,
        deletionTimestamp,
        finalizers,
        Optional.empty());
  }

  /** True once the API server has set a deletion timestamp. */
  public boolean deleting() {
    return deletionTimestamp.isPresent();
  }

  /** {@code namespace/name}, for messages and logs. */
  public String key() {
    return namespace + "/" + name;
  }
}
