package io.mcpoperator.gateway.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects the log events at ERROR or carrying a stack trace while open: what an operator would see
 * as "the gateway failed" in its log.
 */
public final class LogCapture implements AutoCloseable {
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          if (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null) {
            errors.add(
                event.getLevel()
                    + " "
                    + event.getLoggerName()
                    + ": "
                    + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : " (" + event.getThrowableProxy().getClassName() + ")"));
          }
        }
      };

  // Helidon logs through java.util.logging; in a test JVM that is not always bridged to SLF4J
  private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
  private final java.util.logging.Handler julHandler =
      new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
          if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
              || record.getThrown() != null) {
            errors.add(
                record.getLevel()
                    + " "
                    + record.getLoggerName()
                    + ": "
                    + record.getMessage()
                    + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  /** Starts collecting. */
  public LogCapture() {
    appender.start();
    root.addAppender(appender);
    julRoot.addHandler(julHandler);
  }

  /** ERROR events and events with a stack trace seen so far. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    julRoot.removeHandler(julHandler);
  }
}
