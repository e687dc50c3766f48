package io.mcpoperator.gateway.observe;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gateway's logging: JSON lines to stderr (logback's own {@link JsonEncoder}: {@code timestamp}
 * in epoch milliseconds, {@code level}, {@code threadName}, {@code loggerName}, {@code mdc}, {@code
 * formattedMessage}, {@code throwable}), or {@code LOG_FORMAT=text} for humans; level from {@code
 * LOG_LEVEL} (default INFO), Helidon at WARN; stdout stays free for MCP stdio.
 *
 * <p>Built in code rather than from XML and without a Jackson-based encoder: that keeps about 900
 * classes (XML parser, Joran, Jackson) out of a sidecar that starts in every MCP server pod. There
 * is no {@code logback.xml} in the library jar, which would land on the classpath of every
 * application built on the MCP library: logback finds this class as a {@link Configurator} service
 * and runs it before its own lookup, and it steps aside when the application brings its own
 * configuration ({@code -Dlogback.configurationFile}, {@code logback-test.xml} or {@code
 * logback.xml}).
 */
public final class FallbackLogConfiguration extends ContextAwareBase implements Configurator {
  private static final List<String> OWN_PROPERTIES =
      List.of(ClassicConstants.CONFIG_FILE_PROPERTY, ClassicConstants.MODEL_CONFIG_FILE_PROPERTY);
  private static final List<String> OWN_RESOURCES =
      List.of(ClassicConstants.TEST_AUTOCONFIG_FILE, ClassicConstants.AUTOCONFIG_FILE);

  private final Function<String, Optional<URL>> resources;
  private final Function<String, Optional<String>> properties;
  private final Function<String, Optional<String>> env;

  /** As logback's service loader creates it: this class's class loader, system properties, env. */
  public FallbackLogConfiguration() {
    this(
        name ->
            Optional.ofNullable(FallbackLogConfiguration.class.getClassLoader().getResource(name)),
        name -> Optional.ofNullable(System.getProperty(name)),
        name -> Optional.ofNullable(System.getenv(name)));
  }

  FallbackLogConfiguration(
      Function<String, Optional<URL>> resources,
      Function<String, Optional<String>> properties,
      Function<String, Optional<String>> env) {
    this.resources = resources;
    this.properties = properties;
    this.env = env;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    setContext(context);
    boolean applicationConfigured =
        OWN_PROPERTIES.stream().anyMatch(p -> properties.apply(p).isPresent())
            || OWN_RESOURCES.stream().anyMatch(r -> resources.apply(r).isPresent());
    if (applicationConfigured) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    var propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    propagator.start();
    context.addListener(propagator);

    var appender = new ConsoleAppender<ILoggingEvent>();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setTarget("System.err");
    appender.setEncoder(encoder(context));
    appender.start();

    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(env.apply("LOG_LEVEL").orElse("INFO"), Level.INFO));
    root.addAppender(appender);
    context.getLogger("io.helidon").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private EncoderBase<ILoggingEvent> encoder(LoggerContext context) {
    if (env.apply("LOG_FORMAT").filter("text"::equalsIgnoreCase).isPresent()) {
      var text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
      text.start();
      return text;
    }
    var json = new JsonEncoder();
    json.setContext(context);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.start();
    return json;
  }
}
