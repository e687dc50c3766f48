package io.mcpoperator.operator.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * One encoder for the one console appender, choosing JSON lines or text from {@code LOG_FORMAT}.
 * Declaring one appender per format would leave one unreferenced, which logback reports as a
 * warning on every start; an unknown format is reported once and falls back to JSON.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {
  private String format = "json";
  private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
  private Encoder<ILoggingEvent> delegate;

  /** {@code json} or {@code text}. */
  public void setFormat(String format) {
    this.format = format;
  }

  /** The pattern of the text format. */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    delegate =
        switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
          case "json" -> new LogstashEncoder();
          case "text" -> text();
          default -> {
            addError("LOG_FORMAT must be json or text, got \"" + format + "\"; logging JSON");
            yield new LogstashEncoder();
          }
        };
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }

  private PatternLayoutEncoder text() {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setPattern(pattern);
    return text;
  }
}
