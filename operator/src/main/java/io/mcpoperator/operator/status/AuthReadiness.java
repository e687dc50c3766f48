package io.mcpoperator.operator.status;

import io.mcpoperator.operator.api.AuthSpec;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the objects {@code spec.auth} names exist: the static-token Secret and the CA bundle
 * ConfigMap key. Reported as the {@code AuthReady} condition; while not ready, the children are not
 * changed, so a gateway that could not start is never rolled out.
 *
 * @param ready true when every named object (and key) exists
 * @param reason {@code Resolved}, {@code SecretNotFound}, {@code ConfigMapNotFound}, {@code
 *     ConfigMapKeyNotFound} or {@code Unreadable}
 * @param message what is missing and how to fix it
 */
public record AuthReadiness(boolean ready, String reason, String message) {
  public static final String CONDITION = "AuthReady";

  /** What looking up one object answered. */
  public sealed interface Lookup {}

  /** The object exists, with the keys of its data. */
  public record Found(java.util.Set<String> keys) implements Lookup {}

  /** The API server answered 404. */
  public record NotFound() implements Lookup {}

  /** Any other answer (403, 5xx, no connection), described. */
  public record Failed(String problem) implements Lookup {}

  /**
   * The readiness of {@code auth} in {@code namespace} from the lookups of its Secret and
   * ConfigMap; empty when the server has no check.
   */
  public static Optional<AuthReadiness> of(
      String namespace, AuthSpec auth, Optional<Lookup> secret, Optional<Lookup> configMap) {
    if (!auth.enabled()) {
      return Optional.empty();
    }
    Optional<String> secretName = auth.staticTokensSecret();
    if (secretName.isPresent() && secret.isPresent()) {
      String object = "Secret " + namespace + "/" + secretName.get();
      switch (secret.get()) {
        case NotFound n -> {
          return missing(
              "SecretNotFound",
              object
                  + " (spec.auth.staticTokens) does not exist: create it with one key per principal,"
                  + " its value the token");
        }
        case Failed f -> {
          return missing("Unreadable", "cannot read " + object + ": " + f.problem());
        }
        case Found found -> {}
      }
    }
    Optional<AuthSpec.ConfigMapKeyRef> ca = auth.caBundle();
    if (ca.isPresent() && configMap.isPresent()) {
      String object = "ConfigMap " + namespace + "/" + ca.get().name();
      switch (configMap.get()) {
        case NotFound n -> {
          return missing(
              "ConfigMapNotFound",
              object + " (spec.auth.caBundle) does not exist: create it with the PEM certificates");
        }
        case Failed f -> {
          return missing("Unreadable", "cannot read " + object + ": " + f.problem());
        }
        case Found found -> {
          if (!found.keys().contains(ca.get().key())) {
            return missing(
                "ConfigMapKeyNotFound",
                object + " has no key " + ca.get().key() + " (spec.auth.caBundle.key)");
          }
        }
      }
    }
    return Optional.of(new AuthReadiness(true, "Resolved", "the objects spec.auth names exist"));
  }

  private static Optional<AuthReadiness> missing(String reason, String message) {
    return Optional.of(new AuthReadiness(false, reason, message));
  }

  static void set(Conditions conditions, Optional<AuthReadiness> auth) {
    auth.ifPresent(a -> conditions.set(CONDITION, a.ready(), a.reason(), a.message()));
  }

  /** Unused keys map, for callers that have a ConfigMap's data. */
  public static Found found(Map<String, ?> data) {
    return new Found(data == null ? java.util.Set.of() : java.util.Set.copyOf(data.keySet()));
  }
}
