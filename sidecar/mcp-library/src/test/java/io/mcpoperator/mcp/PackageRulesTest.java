package io.mcpoperator.mcp;

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
}
