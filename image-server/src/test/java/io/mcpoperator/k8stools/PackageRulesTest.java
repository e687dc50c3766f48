package io.mcpoperator.k8stools;

import io.mcpoperator.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** This module's package rules (see test-support {@code PackageRules}); they fail the build. */
class PackageRulesTest {
  @Test
  void packagesDependOnEachOtherOneWayAndOnlyMainWires() {
    PackageRules.of("io.mcpoperator.k8stools")
        .assertNoCycles()
        .assertRootIsUsedByNoPackage()
        .assertDoesNotUse("command", "service")
        .assertDoesNotUse("policy", "service");
  }
}
