package io.mcpoperator.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The jar's logback.xml, loaded into a context of its own, and the two classes it names. */
class LoggingConfigurationTest {
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void theShippedConfigurationLoadsWithoutAWarning() throws JoranException {
    LoggerContext context = context();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LoggingConfigurationTest.class.getResource("/logback.xml"));

    assertThat(context.getStatusManager().getCopyOfStatusList())
        .as("logback prints its whole status history on stdout when any status is a warning")
        .allMatch(s -> s.getEffectiveLevel() < ch.qos.logback.core.status.Status.WARN);
    assertThat(context.getStatusManager().getCopyOfStatusListenerList())
        .anyMatch(StderrStatusListener.class::isInstance);
  }

  @Test
  void jsonByDefaultTextOnRequest() {
    assertThat(encoded("json")).startsWith("{").contains("\"message\":\"hello\"");
    assertThat(encoded("TEXT")).endsWith("INFO  test - hello\n");
  }

  @Test
  void anUnknownFormatIsReportedOnceAndLogsJson() {
    LoggerContext context = context();
    StderrStatusListener listener = listener(context);

    String line = encoded(context, "xml");

    assertThat(line).startsWith("{");
    assertThat(text(err))
        .isEqualTo("logging: error: LOG_FORMAT must be json or text, got \"xml\"; logging JSON\n");
    listener.stop();
  }

  @Test
  void theListenerPrintsWarningsAndErrorsOnlyIncludingEarlierOnes() {
    LoggerContext context = context();
    context.getStatusManager().add(new WarnStatus("before the listener", this));
    StderrStatusListener listener = listener(context);

    context.getStatusManager().add(new InfoStatus("chatter", this));
    context.getStatusManager().add(new ErrorStatus("broken", this));

    assertThat(text(err))
        .isEqualTo("logging: warning: before the listener\nlogging: error: broken\n");
    listener.stop();
    context.getStatusManager().add(new ErrorStatus("after stop", this));
    assertThat(text(err)).doesNotContain("after stop");
  }

  private StderrStatusListener listener(LoggerContext context) {
    StderrStatusListener listener =
        new StderrStatusListener(() -> new PrintStream(err, true, StandardCharsets.UTF_8));
    listener.setContext(context);
    context.getStatusManager().add(listener);
    listener.start();
    return listener;
  }

  private String encoded(String format) {
    return encoded(context(), format);
  }

  private static String encoded(LoggerContext context, String format) {
    LogFormatEncoder encoder = new LogFormatEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.setPattern("%-5level %logger{0} - %msg%n");
    encoder.start();
    LoggingEvent event =
        new LoggingEvent("test", context.getLogger("test"), Level.INFO, "hello", null, null);
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    encoder.stop();
    return line;
  }

  private static LoggerContext context() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    return context;
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
