package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.testing.TestPeers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite through the gateway: runs {@code hack/conformance.sh} against
 * the jar this build packaged. Every scenario an upstream passes directly must pass through the
 * gateway (upstream over stdio and over HTTP), and the gateway must pass dns-rebinding-protection
 * and the session lifecycle. Needs Node 22, the suite and server-everything ({@code bash
 * hack/install-test-peers.sh}); skipped otherwise.
 */
@org.junit.jupiter.api.Timeout(300)
class ConformanceIT {

  @Test
  void everyScenarioTheUpstreamPassesAlsoPassesThroughTheGateway() throws Exception {
    assumeTrue(
        TestPeers.node22().isPresent(),
        "Node 22 missing under "
            + TestPeers.prefix()
            + ": run bash hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    assumeTrue(
        Files.exists(TestPeers.conformanceSuite()),
        "conformance suite missing under "
            + TestPeers.prefix()
            + ": run bash hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    assumeTrue(
        Files.exists(TestPeers.serverEverything()),
        "server-everything missing under "
            + TestPeers.prefix()
            + ": run bash hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    Optional<Path> script = script();
    assumeTrue(
        script.isPresent(), "hack/conformance.sh not found above " + Path.of("").toAbsolutePath());
    Path build = buildDirectory();
    Path jar = build.resolve("mcp-gateway.jar");
    assumeTrue(Files.exists(jar), jar + " missing: the conformance run needs the packaged gateway");

    Path results = build.resolve("conformance/results.md");
    Path log = build.resolve("conformance/run.log");
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(results);
    var process =
        new ProcessBuilder("bash", script.get().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    process.environment().put("MCP_GATEWAY_JAR", jar.toString());
    process.environment().put("CONFORMANCE_RESULTS", results.toString());
    process.environment().put("MCP_TEST_NPM_DIR", TestPeers.prefix().toString());
    Process run = process.start();
    boolean finished = run.waitFor(240, TimeUnit.SECONDS);
    if (!finished) {
      run.descendants().forEach(ProcessHandle::destroy);
      run.destroy();
    }

    String report = read(results) + "\n" + read(log);
    assertThat(finished).as("the conformance run finished in time:\n%s", report).isTrue();
    assertThat(run.exitValue()).as("conformance through the gateway:\n%s", report).isZero();
    assertThat(read(results))
        .contains("## Upstream: server-everything", "## Upstream: conformance-fixture")
        .contains("| dns-rebinding-protection |", "| session-lifecycle |")
        .contains("No regressions through the gateway.");
  }

  private static Optional<Path> script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("hack/conformance.sh");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The module's build directory ({@code target}, or {@code -Dbuild.root}): above test-classes. */
  private static Path buildDirectory() throws Exception {
    return Path.of(ConformanceIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no " + file.getFileName() + ")";
    } catch (IOException e) {
      return "(unreadable " + file + ": " + e.getMessage() + ")";
    }
  }
}
