package io.mcpoperator.operator.logging;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Prints logback's own warnings and errors (a bad setting, a broken configuration) as one line each
 * on stderr, and nothing else. Registering a listener also stops logback from dumping its whole
 * status history, which it prints to stdout by default, where it would corrupt the output of {@code
 * render}.
 */
public final class StderrStatusListener extends ContextAwareBase
    implements StatusListener, LifeCycle {
  private final Supplier<PrintStream> err;
  private boolean started;

  public StderrStatusListener() {
    this(() -> System.err);
  }

  StderrStatusListener(Supplier<PrintStream> err) {
    this.err = err;
  }

  @Override
  public void addStatusEvent(Status status) {
    if (started && status.getEffectiveLevel() >= Status.WARN) {
      err.get()
          .println(
              "logging: "
                  + (status.getEffectiveLevel() >= Status.ERROR ? "error: " : "warning: ")
                  + status.getMessage());
    }
  }

  /** Reports the warnings and errors logback recorded before this listener was registered. */
  @Override
  public void start() {
    started = true;
    if (getContext() != null) {
      getContext().getStatusManager().getCopyOfStatusList().forEach(this::addStatusEvent);
    }
  }

  @Override
  public void stop() {
    started = false;
  }

  @Override
  public boolean isStarted() {
    return started;
  }
}
