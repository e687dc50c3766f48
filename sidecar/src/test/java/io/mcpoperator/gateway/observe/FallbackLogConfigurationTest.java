package io.mcpoperator.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FallbackLogConfigurationTest {

  private static FallbackLogConfiguration with(
      String resource, String property, Map<String, String> env) {
    return new FallbackLogConfiguration(
        name -> name.equals(resource) ? Optional.of(url()) : Optional.empty(),
        name -> name.equals(property) ? Optional.of("own.xml") : Optional.empty(),
        name -> Optional.ofNullable(env.get(name)));
  }

  private static URL url() {
    try {
      return URI.create("file:/own/logback.xml").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String render(LoggerContext context, String message) {
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var appender = (ConsoleAppender<?>) root.iteratorForAppenders().next();
    var encoder = (Encoder<ch.qos.logback.classic.spi.ILoggingEvent>) appender.getEncoder();
    var event =
        new LoggingEvent(
            "x", context.getLogger("io.mcpoperator.test"), Level.WARN, message, null, null);
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void logbackFindsItAsAConfiguratorService() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(FallbackLogConfiguration.class);
  }

  @Test
  void writesOneJsonObjectPerLineToStderrByDefault() {
    var context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    assertThat(with("", "", Map.of()).configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("io.helidon").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.INFO);
    var appender =
        (ConsoleAppender<?>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().next();
    assertThat(appender.getTarget()).isEqualTo("System.err");

    String line = render(context, "upstream \"quoted\" exited");
    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonObject json = Json.parse(line.strip()).asJsonObject();
    assertThat(json.getString("level")).isEqualTo("WARN");
    assertThat(json.getString("loggerName")).isEqualTo("io.mcpoperator.test");
    assertThat(json.getString("formattedMessage")).isEqualTo("upstream \"quoted\" exited");
    assertThat(json.getJsonNumber("timestamp").longValue()).isPositive();
    assertThat(json).doesNotContainKeys("context", "sequenceNumber", "arguments");
  }

  @Test
  void textFormatAndLevelFromTheEnvironment() {
    var context = new LoggerContext();
    with("", "", Map.of("LOG_FORMAT", "text", "LOG_LEVEL", "debug")).configure(context);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(render(context, "hello"))
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  test - hello\\n");
  }

  @Test
  void anUnknownLevelFallsBackToInfo() {
    var context = new LoggerContext();
    with("", "", Map.of("LOG_LEVEL", "loud")).configure(context);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.INFO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logback.xml", "logback-test.xml"})
  void stepsAsideForTheApplicationsOwnFile(String file) {
    var context = new LoggerContext();
    assertThat(with(file, "", Map.of()).configure(context))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("io.helidon").getLevel()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"logback.configurationFile", "logback.scmoFile"})
  void stepsAsideForAConfigurationNamedOnTheCommandLine(String property) {
    var context = new LoggerContext();
    assertThat(with("", property, Map.of()).configure(context))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("io.helidon").getLevel()).isNull();
  }
}
