package io.mcpoperator.operator.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The registry credentials in an imagePullSecret: {@code .dockerconfigjson} ({@code {"auths":
 * {registry: {auth | username, password}}}}) or the older {@code .dockercfg} (the same map without
 * {@code auths}). Keys are matched the way the kubelet matches them: with or without a scheme and
 * path, Docker Hub under any of its names.
 */
final class DockerConfig {
  private DockerConfig() {}

  /** The credential for {@code registry} in a secret's config file, if it holds one. */
  static Optional<Credential> find(byte[] config, String registry) {
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(new String(config, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        return Optional.empty();
      }
      root = parsed.getAsJsonObject();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    JsonObject auths = root.get("auths") instanceof JsonObject nested ? nested : root;
    for (Map.Entry<String, JsonElement> entry : auths.entrySet()) {
      if (host(entry.getKey()).equals(registry) && entry.getValue() instanceof JsonObject auth) {
        Optional<Credential> credential = credential(auth);
        if (credential.isPresent()) {
          return credential;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Credential> credential(JsonObject auth) {
    String username = string(auth, "username");
    String password = string(auth, "password");
    if (!username.isEmpty() || !password.isEmpty()) {
      return Optional.of(new Credential(username, password));
    }
    String encoded = string(auth, "auth");
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.of(new Credential(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** {@code https://index.docker.io/v1/} → {@code docker.io}; {@code r.example:5000/x} → host. */
  static String host(String key) {
    String host = key.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return switch (host) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" ->
          ImageReference.DOCKER_HUB;
      default -> host;
    };
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
  }
}
