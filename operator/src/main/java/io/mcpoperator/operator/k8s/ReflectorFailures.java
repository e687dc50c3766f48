package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list/watch failures of one informer (a type in one namespace, or all): the first failure of a
 * cause is logged at WARN in one line, repeats stay quiet until the cause changes, recovery is
 * logged at INFO; relists back off exponentially ({@link Backoff#RELIST}, with jitter) while
 * failing. Also the informer's exception handler, so client-java logs no stack trace per failed
 * attempt.
 */
final class ReflectorFailures implements BiConsumer<Class<DynamicKubernetesObject>, Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ReflectorFailures.class);

  /** Where in the list-then-watch cycle a failure happened. */
  enum Stage {
    LIST,
    WATCH
  }

  /**
   * What is known about the failures so far: the cause last logged (empty when healthy), the stage
   * it happened in, and how many attempts in a row failed.
   */
  record State(Optional<String> cause, Stage stage, int failures) {
    static final State HEALTHY = new State(Optional.empty(), Stage.LIST, 0);

    /** After a failure with {@code cause}: log it only when it differs from the last one. */
    State failed(String cause, Stage at) {
      return new State(Optional.of(cause), at, failures + 1);
    }

    boolean logs(String cause) {
      return !this.cause.equals(Optional.of(cause));
    }

    /** A list succeeded: healthy again, unless the last failure was the watch's. */
    State listed() {
      return stage == Stage.WATCH ? this : HEALTHY;
    }

    /** The watch delivered an event or ended normally: healthy again. */
    State watched() {
      return HEALTHY;
    }

    /**
     * How long to wait before the next list: nothing while healthy, then about 1 s, 2 s, … 60 s.
     *
     * @param random a value in [0, 1) that places the wait between half its step and the step
     */
    Duration backoff(double random) {
      return Backoff.RELIST.delay(failures, random);
    }
  }

  private final String subject;
  private final DoubleSupplier random;
  private State state = State.HEALTHY;
  private Throwable lastListFailure;
  private volatile boolean closed;

  ReflectorFailures(ResourceType type, Optional<String> namespace) {
    this(type, namespace, () -> ThreadLocalRandom.current().nextDouble());
  }

  ReflectorFailures(ResourceType type, Optional<String> namespace, DoubleSupplier random) {
    this.subject = "kind=" + type.kind() + " namespace=" + namespace.orElse("*");
    this.random = random;
  }

  /** The exception handler of the informer: failures the list did not record are the watch's. */
  @Override
  public synchronized void accept(Class<DynamicKubernetesObject> type, Throwable failure) {
    if (failure != lastListFailure) {
      failed(failure, Stage.WATCH);
    }
  }

  synchronized void listFailed(Throwable failure) {
    lastListFailure = failure;
    failed(failure, Stage.LIST);
  }

  synchronized void listed() {
    recovered(state.listed());
  }

  synchronized void watched() {
    if (state.failures() > 0) {
      recovered(state.watched());
    }
  }

  synchronized Duration backoff() {
    return state.backoff(random.getAsDouble());
  }

  /** Stops logging: the informer is being stopped on purpose. */
  void close() {
    closed = true;
  }

  private void failed(Throwable failure, Stage stage) {
    if (closed) {
      return;
    }
    String cause = describe(failure);
    if (state.logs(cause)) {
      LOG.warn(
          "informer list/watch failed {} stage={} cause=\"{}\"; retrying with backoff up to {}s,"
              + " repeats not logged",
          subject,
          stage.name().toLowerCase(Locale.ROOT),
          cause,
          Backoff.RELIST.max().toSeconds());
    }
    state = state.failed(cause, stage);
  }

  private void recovered(State next) {
    if (state.failures() > 0 && next.failures() == 0 && !closed) {
      LOG.info("informer recovered {} after {} failed attempts", subject, state.failures());
    }
    state = next;
  }

  /** One line: the HTTP status code and the API server's message, or the exception's. */
  static String describe(Throwable failure) {
    if (failure instanceof ApiException api) {
      return ApiErrors.describe(api);
    }
    if (failure.getCause() instanceof ApiException api) {
      return ApiErrors.describe(api);
    }
    String message = String.valueOf(failure.getMessage()).strip().lines().findFirst().orElse("");
    return failure.getClass().getSimpleName()
        + ": "
        + (message.length() > 300 ? message.substring(0, 300) + "..." : message);
  }
}
