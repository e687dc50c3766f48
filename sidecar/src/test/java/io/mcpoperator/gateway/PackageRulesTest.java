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
}
