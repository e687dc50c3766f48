package io.mcpoperator.operator.image;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password for one registry, from an imagePullSecret. */
public record Credential(String username, String password) {

  /** The value of an {@code Authorization: Basic} header. */
  String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credential[" + username + ", ***]";
  }
}
