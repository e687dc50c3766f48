package io.mcpoperator.k8stools.service;

import java.util.List;

/** Recognizes, in a CLI's error output, that the cluster refused the credentials. */
final class AuthFailureSigns {
  private static final List<String> SIGNS =
      List.of(
          "Unauthorized",
          "You must be logged in to the server",
          "the server has asked for the client to provide credentials",
          "(Forbidden)",
          "is forbidden:",
          "Unauthenticated",
          "invalid session",
          "token has expired",
          "getting credentials: exec",
          "no configuration has been provided");

  private AuthFailureSigns() {}

  static boolean present(String stderr) {
    return SIGNS.stream().anyMatch(stderr::contains);
  }
}
