package io.mcpoperator.gateway.aggregate;

import java.util.function.Consumer;

/** Sends backend calls; never throws for a backend failure, it becomes {@link HttpOutcome}. */
@FunctionalInterface
public interface HttpSender {

  /**
   * Sends {@code call} and waits for the answer, at most the call's timeout.
   *
   * @param onCancel registers what aborts the call when the client cancels it
   */
  HttpOutcome send(HttpCall call, Consumer<Runnable> onCancel);
}
