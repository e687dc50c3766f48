package io.mcpoperator.operator.aggregate;

import io.mcpoperator.operator.api.SecretKeyRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A Secret key the gateway container receives as an environment variable (through {@code
 * secretKeyRef}); the configuration names only the variable. One variable per Secret key, however
 * many headers use it.
 */
public record SecretEnv(String variable, SecretKeyRef secret) {

  /**
   * {@code MCP_SECRET_<NAME>_<KEY>_<hash>}: readable, and unique because the hash covers the exact
   * name and key.
   */
  public static SecretEnv of(SecretKeyRef secret) {
    String readable = (secret.name() + "_" + secret.key()).toUpperCase(Locale.ROOT);
    return new SecretEnv(
        "MCP_SECRET_" + readable.replaceAll("[^A-Z0-9_]", "_") + "_" + hash(secret), secret);
  }

  private static String hash(SecretKeyRef secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((secret.name() + "\0" + secret.key()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
