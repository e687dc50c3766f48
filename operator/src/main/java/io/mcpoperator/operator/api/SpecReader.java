package io.mcpoperator.operator.api;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code spec} into a {@link McpServerSpec}, applying defaults and checking what the schema
 * cannot.
 */
final class SpecReader {
  private static final Set<String> SERVICE_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");

  private SpecReader() {}

  static McpServerSpec read(JsonObject json) {
    JsonFields spec = new JsonFields(json, "spec");
    Optional<String> image = spec.string("image");
    Optional<V1LabelSelector> toolSelector = spec.model("toolSelector", V1LabelSelector.class);
    Transport transport = transport(spec);
    Optional<ServerRegistry> registry = registry(spec);
    if (image.isEmpty() && toolSelector.isEmpty() && registry.isEmpty()) {
      throw new InvalidSpecException(
          "spec.image, spec.registry or spec.toolSelector is required: set spec.image to run an MCP"
              + " server image, spec.registry to run a registry entry, or spec.toolSelector to"
              + " aggregate MCPTools, MCPPrompts and MCPResources");
    }
    var command = spec.strings("command");
    Optional<String> tag = spec.string("tag");
    if (image.isPresent()
        && tag.filter(t -> !t.equals("latest")).isPresent()
        && tagged(image.get())) {
      throw spec.invalid(
          "tag",
          "conflicts with the tag or digest already in spec.image \""
              + image.get()
              + "\": write the tag in one place, e.g. image: mcp/git with tag: \"1.2.0\"");
    }
    return new McpServerSpec(
        image,
        tag.orElse("latest"),
        command,
        spec.strings("args"),
        spec.models("env", V1EnvVar.class),
        spec.models("envFrom", V1EnvFromSource.class),
        spec.model("resources", V1ResourceRequirements.class),
        (int) spec.integer("replicas", 1, 0, 1000),
        (int) spec.integer("port", 8080, 1, 65535),
        serviceType(spec),
        spec.stringMap("nodeSelector"),
        spec.models("tolerations", V1Toleration.class),
        spec.model("affinity", V1Affinity.class),
        spec.models("volumes", V1Volume.class),
        spec.models("volumeMounts", V1VolumeMount.class),
        spec.models("imagePullSecrets", V1LocalObjectReference.class),
        spec.string("serviceAccountName"),
        transport,
        path(spec),
        redis(spec),
        ingress(spec),
        toolSelector,
        GatewayConfigReader.read(spec.nested("config")),
        spec.model("podSecurityContext", V1PodSecurityContext.class),
        spec.model("securityContext", V1SecurityContext.class),
        registry,
        AuthReader.read(spec),
        spec.has("transport"),
        spec.has("port"));
  }

  private static final Set<String> PACKAGE_TYPES = Set.of("oci", "npm", "pypi", "remote");

  private static Optional<ServerRegistry> registry(JsonFields spec) {
    if (!spec.has("registry")) {
      return Optional.empty();
    }
    JsonFields registry = spec.nested("registry");
    Optional<String> ref = registry.nested("registryRef").string("name");
    Optional<String> url = registry.string("url");
    if (ref.isPresent() == url.isPresent()) {
      throw registry.invalid(
          "registryRef",
          "or spec.registry.url is required, not both: name an MCPRegistry in this namespace"
              + " (registryRef.name), or give a registry's base URL");
    }
    String name = registry.required("name", "the entry's server name, e.g. io.github.owner/server");
    String policy = registry.string("updatePolicy").orElse("Pinned");
    ServerRegistry.UpdatePolicy updatePolicy =
        switch (policy) {
          case "Pinned" -> ServerRegistry.UpdatePolicy.PINNED;
          case "FollowLatest" -> ServerRegistry.UpdatePolicy.FOLLOW_LATEST;
          default ->
              throw registry.invalid(
                  "updatePolicy", "must be Pinned or FollowLatest; got \"" + policy + "\"");
        };
    List<String> preference = registry.strings("packagePreference");
    for (String type : preference) {
      if (!PACKAGE_TYPES.contains(type)) {
        throw registry.invalid(
            "packagePreference", "lists oci, npm, pypi or remote; got \"" + type + "\"");
      }
    }
    Map<String, ServerRegistry.Input> inputs = new LinkedHashMap<>();
    registry
        .object("inputs")
        .ifPresent(
            all ->
                all.keySet()
                    .forEach(
                        key -> {
                          JsonFields input = registry.nested("inputs").nested(key);
                          Optional<String> value = input.string("value");
                          Optional<SecretKeyRef> secret =
                              input.has("secretKeyRef")
                                  ? Optional.of(secretKeyRef(input.nested("secretKeyRef")))
                                  : Optional.empty();
                          if (value.isPresent() == secret.isPresent()) {
                            throw input.invalid("value", "or secretKeyRef is required, not both");
                          }
                          inputs.put(key, new ServerRegistry.Input(value, secret));
                        }));
    return Optional.of(
        new ServerRegistry(
            ref,
            url,
            name,
            registry.string("version").orElse(ServerRegistry.LATEST),
            updatePolicy,
            preference,
            inputs,
            registry.nested("secretRef").string("name")));
  }

  private static SecretKeyRef secretKeyRef(JsonFields ref) {
    return new SecretKeyRef(
        ref.required("name", "the Secret's name"), ref.required("key", "the key in the Secret"));
  }

  /** True when an image reference already names a tag or digest. */
  static boolean tagged(String image) {
    return image.contains("@") || image.substring(image.lastIndexOf('/') + 1).contains(":");
  }

  private static Transport transport(JsonFields spec) {
    String value = spec.string("transport").orElse(Transport.STDIO.value());
    return Transport.of(value)
        .orElseThrow(
            () ->
                spec.invalid(
                    "transport",
                    "must be one of stdio, streamable-http, sse; got \"" + value + "\""));
  }

  private static String serviceType(JsonFields spec) {
    String value = spec.string("serviceType").orElse("ClusterIP");
    if (!SERVICE_TYPES.contains(value)) {
      throw spec.invalid(
          "serviceType", "must be one of ClusterIP, NodePort, LoadBalancer; got \"" + value + "\"");
    }
    return value;
  }

  private static String path(JsonFields spec) {
    String value = spec.string("path").orElse("/mcp");
    if (!value.startsWith("/") || value.chars().anyMatch(Character::isWhitespace)) {
      throw spec.invalid(
          "path", "must be an absolute URL path such as /mcp; got \"" + value + "\"");
    }
    return value;
  }

  private static Optional<RedisSpec> redis(JsonFields spec) {
    if (!spec.has("redis")) {
      return Optional.empty();
    }
    JsonFields redis = spec.nested("redis");
    String service =
        redis
            .string("serviceName")
            .orElseThrow(
                () ->
                    redis.invalid(
                        "serviceName",
                        "is required when spec.redis is set: name the Redis Service (optionally"
                            + " <service>.<namespace>)"));
    Optional<RedisSpec.SecretKeyRef> password = Optional.empty();
    if (redis.has("passwordSecret")) {
      JsonFields secret = redis.nested("passwordSecret");
      String name =
          secret
              .string("name")
              .orElseThrow(
                  () ->
                      secret.invalid(
                          "name", "is required: name the Secret that holds the password"));
      password =
          Optional.of(new RedisSpec.SecretKeyRef(name, secret.string("key").orElse("password")));
    }
    return Optional.of(
        new RedisSpec(
            service,
            (int) redis.integer("port", 6379, 1, 65535),
            (int) redis.integer("database", 0, 0, 15),
            password));
  }

  private static Optional<IngressSpec> ingress(JsonFields spec) {
    if (!spec.has("ingress")) {
      return Optional.empty();
    }
    JsonFields ingress = spec.nested("ingress");
    String prefix = ingress.string("pathPrefix").orElse("/mcp");
    if (!prefix.startsWith("/")) {
      throw ingress.invalid("pathPrefix", "must start with /; got \"" + prefix + "\"");
    }
    Optional<String> host = ingress.string("host");
    Optional<String> tls = ingress.string("tlsSecretName");
    return Optional.of(
        new IngressSpec(
            host, tls, prefix, ingress.string("className"), ingress.stringMap("annotations")));
  }
}
