package io.mcpoperator.operator;

import io.mcpoperator.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** This module's package rules (see test-support {@code PackageRules}); they fail the build. */
class PackageRulesTest {
  @Test
  void packagesDependOnEachOtherOneWayAndOnlyMainWires() {
    PackageRules.of("io.mcpoperator.operator")
        .assertNoCycles()
        .assertRootIsUsedByNoPackage()
        .assertDoesNotUse("desired", "k8s")
        .assertDoesNotUse("desired", "reconcile")
        .assertDoesNotUse("api", "reconcile")
        .assertDoesNotUse("api", "k8s")
        .assertDoesNotUse("plan", "k8s")
        .assertDoesNotUse("plan", "reconcile");
  }
}
