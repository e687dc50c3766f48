package io.mcpoperator.gateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real MCP peers installed by {@code hack/install-test-peers.sh}: under {@code
 * $MCP_TEST_NPM_DIR}, default {@code ~/.cache/mcp-operator/npm}.
 */
public final class TestPeers {
  private TestPeers() {}

  /** The npm prefix holding the peers. */
  public static Path prefix() {
    return Optional.ofNullable(System.getenv("MCP_TEST_NPM_DIR"))
        .filter(p -> !p.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache/mcp-operator/npm"));
  }

  /** {@code @modelcontextprotocol/server-everything}'s entry point. */
  public static Path serverEverything() {
    return prefix().resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
  }

  /** The conformance suite's entry point. */
  public static Path conformanceSuite() {
    return prefix().resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
  }

  /** The MCP Inspector's package directory (its CLI runs the README's Inspector line). */
  public static Path inspector() {
    return prefix().resolve("node_modules/@modelcontextprotocol/inspector");
  }

  /** The Node 22 the prefix carries, else {@code node} on the PATH when it runs. */
  public static Optional<String> node() {
    Path bundled = prefix().resolve("node_modules/node/bin/node");
    if (Files.isExecutable(bundled)) {
      return Optional.of(bundled.toString());
    }
    try {
      return new ProcessBuilder("node", "--version").start().waitFor() == 0
          ? Optional.of("node")
          : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The Node 22 the prefix carries (the conformance suite needs Node 22 or newer). */
  public static Optional<Path> node22() {
    Path bundled = prefix().resolve("node_modules/node/bin/node");
    return Files.isExecutable(bundled) ? Optional.of(bundled) : Optional.empty();
  }
}
