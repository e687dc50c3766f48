package io.mcpoperator.gateway.observe;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gateway's logging configuration ({@value #RESOURCE}: JSON lines to stderr, {@code
 * LOG_FORMAT=text} for humans) without a {@code logback.xml} in the library jar, which would land
 * on the classpath of every application built on the MCP library.
 *
 * <p>Logback finds this class as a {@link Configurator} service and runs it before its own lookup.
 * It steps aside when the application brings its own configuration ({@code
 * -Dlogback.configurationFile}, {@code logback-test.xml} or {@code logback.xml}).
 */
public final class FallbackLogConfiguration extends ContextAwareBase implements Configurator {
  static final String RESOURCE = "mcp-gateway-logback.xml";
  private static final List<String> OWN_PROPERTIES =
      List.of(ClassicConstants.CONFIG_FILE_PROPERTY, ClassicConstants.MODEL_CONFIG_FILE_PROPERTY);
  private static final List<String> OWN_RESOURCES =
      List.of(ClassicConstants.TEST_AUTOCONFIG_FILE, ClassicConstants.AUTOCONFIG_FILE);

  private final Function<String, Optional<URL>> resources;
  private final Function<String, Optional<String>> properties;

  /** As logback's service loader creates it: this class's class loader, the system properties. */
  public FallbackLogConfiguration() {
    this(
        name ->
            Optional.ofNullable(FallbackLogConfiguration.class.getClassLoader().getResource(name)),
        name -> Optional.ofNullable(System.getProperty(name)));
  }

  FallbackLogConfiguration(
      Function<String, Optional<URL>> resources, Function<String, Optional<String>> properties) {
    this.resources = resources;
    this.properties = properties;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    setContext(context);
    boolean applicationConfigured =
        OWN_PROPERTIES.stream().anyMatch(p -> properties.apply(p).isPresent())
            || OWN_RESOURCES.stream().anyMatch(r -> resources.apply(r).isPresent());
    Optional<URL> config = resources.apply(RESOURCE);
    if (applicationConfigured || config.isEmpty()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    var joran = new JoranConfigurator();
    joran.setContext(context);
    try {
      joran.doConfigure(config.get());
    } catch (JoranException e) {
      addError("could not apply " + config.get(), e);
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
