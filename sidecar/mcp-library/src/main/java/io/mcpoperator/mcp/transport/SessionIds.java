package io.mcpoperator.mcp.transport;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable session ids (128 random bits, URL-safe, visible ASCII as the spec requires). */
final class SessionIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionIds() {}

  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
