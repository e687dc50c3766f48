package io.mcpoperator.mcp.transport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of logical SSE streams within a session: {@code g} for the standalone GET stream, random
 * {@code p...} ids for POST streams (unique across replicas without coordination).
 */
final class StreamIds {
  static final String STANDALONE = "g";

  private StreamIds() {}

  static String next() {
    return "p" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  }
}
