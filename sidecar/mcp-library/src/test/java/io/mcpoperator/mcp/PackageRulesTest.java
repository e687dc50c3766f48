package io.mcpoperator.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mcpoperator.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** This module's package rules (see test-support {@code PackageRules}); they fail the build. */
class PackageRulesTest {
  @Test
  void packagesDependOnEachOtherOneWay() {
    PackageRules.of("io.mcpoperator.mcp").assertNoCycles();
  }

  @Test
  void sessionsCodecAndEventStreamsDoNotUseTheTransports() {
    // the transports build on sessions, the codec and the SSE parser, never the other way
    PackageRules.of("io.mcpoperator.mcp")
        .assertDoesNotUse("session", "transport")
        .assertDoesNotUse("jsonrpc", "transport")
        .assertDoesNotUse("sse", "transport");
  }

  @Test
  void multiRoundTripIsReachedThroughItsFacade() {
    // the parked requests and the rules of who may be asked stay behind MultiRoundTrips
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mcpoperator.mcp");
    noClasses()
        .that()
        .doNotHaveSimpleName("MultiRoundTrips")
        .and()
        .doNotHaveSimpleName("InputRounds")
        .and()
        .doNotHaveSimpleName("ParkedRequests")
        .should()
        .dependOnClassesThat()
        .haveSimpleName("ParkedRequests")
        .because("MRTR is reached through transport.MultiRoundTrips")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.mcpoperator.mcp..")
        .and()
        .doNotHaveSimpleName("MultiRoundTrips")
        .and()
        .doNotHaveSimpleName("MultiRoundTrip")
        .should()
        .callMethod(
            "io.mcpoperator.mcp.transport.MultiRoundTrip",
            "refusal",
            "io.mcpoperator.mcp.session.ClientSession",
            "java.lang.String",
            "java.lang.String")
        .because("who may be asked what is decided through transport.MultiRoundTrips")
        .check(classes);
  }
}
