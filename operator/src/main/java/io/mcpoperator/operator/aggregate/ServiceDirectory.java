package io.mcpoperator.operator.aggregate;

import java.util.Optional;

/** Answers whether a Service exists and exposes a port; backed by an informer cache or by files. */
public interface ServiceDirectory {

  /** Why {@code namespace/name} cannot be called on {@code port}, or empty when it can. */
  Optional<Problem> problem(String namespace, String name, int port);

  /**
   * A Service that cannot be called.
   *
   * @param reason {@code ServiceNotFound} or {@code PortNotFound}
   * @param message what is missing, for the user
   */
  record Problem(String reason, String message) {
    public static Problem notFound(String message) {
      return new Problem("ServiceNotFound", message);
    }

    public static Problem noPort(String message) {
      return new Problem("PortNotFound", message);
    }
  }
}
