package io.mcpoperator.operator.desired;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.AuthSpec;
import io.mcpoperator.operator.api.McpServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The {@code auth} section of the gateway config ({@code $defs/auth} of the contract) for a
 * server's {@code spec.auth}, with the static-token Secret and CA bundle at the paths where {@link
 * PodVolumes} mounts them.
 */
public final class GatewayAuth {
  /**
   * Pod template annotation that changes when the auth section does: the gateway reads it at start.
   */
  public static final String HASH_ANNOTATION = "mcpoperator.io/auth-config-hash";

  private GatewayAuth() {}

  /** The section, or empty for mode none (written as {@code null}). */
  public static Optional<JsonObject> of(McpServer server) {
    AuthSpec auth = server.spec().auth();
    if (!auth.enabled()) {
      return Optional.empty();
    }
    JsonObject json = new JsonObject();
    json.addProperty("mode", auth.mode().value());
    auth.resourceUrl().ifPresent(u -> json.addProperty("resourceUrl", u));
    auth.issuer().ifPresent(u -> json.addProperty("issuer", u));
    auth.jwksUri().ifPresent(u -> json.addProperty("jwksUri", u));
    json.add("audiences", strings(auth.audiences()));
    json.add("authorizationServers", strings(auth.authorizationServers()));
    json.add("requiredScopes", strings(auth.requiredScopes()));
    auth.groupsClaim().ifPresent(c -> json.addProperty("groupsClaim", c));
    auth.clockSkew()
        .ifPresent(d -> json.addProperty("clockSkewSeconds", (d.toMillis() + 999) / 1000));
    auth.caBundle()
        .ifPresent(
            ca ->
                json.addProperty(
                    "caBundleFile", PodVolumes.AUTH_CA_DIR + "/" + PodVolumes.CA_FILE));
    auth.staticTokensSecret()
        .ifPresent(s -> json.addProperty("staticTokensDir", PodVolumes.AUTH_TOKENS_DIR));
    JsonArray rules = new JsonArray();
    auth.rules().forEach(r -> rules.add(rule(r)));
    json.add("rules", rules);
    return Optional.of(json);
  }

  /** A short digest of the section, for {@link #HASH_ANNOTATION}; empty for mode none. */
  static Optional<String> hash(McpServer server) {
    return of(server).map(json -> sha256(json.toString()).substring(0, 16));
  }

  private static JsonObject rule(AuthSpec.Rule rule) {
    JsonObject json = new JsonObject();
    if (!rule.tools().isEmpty()) {
      json.add("tools", strings(rule.tools()));
    }
    if (!rule.prompts().isEmpty()) {
      json.add("prompts", strings(rule.prompts()));
    }
    if (!rule.resources().isEmpty()) {
      json.add("resources", strings(rule.resources()));
    }
    if (json.isEmpty()) {
      json.add("tools", new JsonArray());
    }
    json.add("requiredScopes", strings(rule.requiredScopes()));
    JsonArray allow = new JsonArray();
    for (AuthSpec.Allow a : rule.allow()) {
      JsonObject entry = new JsonObject();
      switch (a) {
        case AuthSpec.ClaimAllow c -> {
          entry.addProperty("claim", c.claim());
          entry.add("anyOf", strings(c.anyOf()));
        }
        case AuthSpec.PrincipalAllow p -> entry.addProperty("principal", p.principal());
        case AuthSpec.ScopeAllow s -> entry.addProperty("scope", s.scope());
      }
      allow.add(entry);
    }
    json.add("allow", allow);
    return json;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
