package io.mcpoperator.gateway;

import io.mcpoperator.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** This module's package rules (see test-support {@code PackageRules}); they fail the build. */
class PackageRulesTest {
  @Test
  void packagesDependOnEachOtherOneWayAndOnlyMainWires() {
    PackageRules.of("io.mcpoperator.gateway")
        .assertNoCycles()
        .assertRootIsUsedByNoPackage()
        .assertDoesNotUse("observe", "proxy")
        .assertDoesNotUse("config", "proxy")
        .assertDoesNotUse("upstream", "proxy")
        .assertDoesNotUse("upstream", "aggregate");
  }

  /**
   * Main reads the environment and system properties and passes them down (config.Environment). Two
   * classes are exempt: AotTraining reads java.home and java.class.path to start a second JVM like
   * the running one (facts about this JVM, not configuration), and FallbackLogConfiguration is
   * created by logback's service loader before Main runs, so nothing can be passed to it.
   */
  @Test
  void onlyMainReadsTheEnvironmentAndSystemProperties() {
    PackageRules.of("io.mcpoperator.gateway")
        .assertReadsConfigurationOnlyInRoot(
            "io.mcpoperator.gateway.training.AotTraining",
            "io.mcpoperator.gateway.observe.FallbackLogConfiguration");
  }
}
