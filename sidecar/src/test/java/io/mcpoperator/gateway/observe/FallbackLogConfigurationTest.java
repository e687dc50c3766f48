package io.mcpoperator.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import java.net.URL;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FallbackLogConfigurationTest {
  private static final URL GATEWAY_CONFIG =
      FallbackLogConfigurationTest.class
          .getClassLoader()
          .getResource(FallbackLogConfiguration.RESOURCE);

  /** Resources found: the gateway's configuration plus {@code also}. */
  private static FallbackLogConfiguration withResources(String also, String property) {
    return new FallbackLogConfiguration(
        name ->
            name.equals(FallbackLogConfiguration.RESOURCE) || name.equals(also)
                ? Optional.of(GATEWAY_CONFIG)
                : Optional.empty(),
        name -> name.equals(property) ? Optional.of("own.xml") : Optional.empty());
  }

  @Test
  void logbackFindsItAsAConfiguratorService() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(FallbackLogConfiguration.class);
  }

  @Test
  void appliesTheGatewayConfigurationWhenTheApplicationHasNone() {
    var context = new LoggerContext();
    ExecutionStatus status = withResources("", "").configure(context);
    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("io.helidon").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
        .hasNext();
  }

  @ParameterizedTest
  @ValueSource(strings = {"logback.xml", "logback-test.xml"})
  void stepsAsideForTheApplicationsOwnFile(String file) {
    var context = new LoggerContext();
    assertThat(withResources(file, "").configure(context))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("io.helidon").getLevel()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"logback.configurationFile", "logback.scmoFile"})
  void stepsAsideForAConfigurationNamedOnTheCommandLine(String property) {
    var context = new LoggerContext();
    assertThat(withResources("", property).configure(context))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("io.helidon").getLevel()).isNull();
  }

  @Test
  void leavesItToLogbackWithoutTheGatewayConfiguration() {
    var configurator =
        new FallbackLogConfiguration(name -> Optional.empty(), name -> Optional.empty());
    assertThat(configurator.configure(new LoggerContext()))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }
}
