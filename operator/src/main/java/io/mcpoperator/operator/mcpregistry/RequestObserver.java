package io.mcpoperator.operator.mcpregistry;

import java.time.Duration;

/** Told about each registry request: its operation, its outcome code and how long it took. */
@FunctionalInterface
public interface RequestObserver {
  RequestObserver NONE = (operation, code, took) -> {};

  /**
   * One request: {@code operation} is {@code list}, {@code versions} or {@code version}; {@code
   * code} the HTTP status, or {@code timeout} / {@code error} when there was no answer.
   */
  void requested(String operation, String code, Duration took);
}
