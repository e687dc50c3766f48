package io.mcpoperator.mcp;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What a server says about itself in initialize (and 2026-07-28 {@code server/discover}).
 *
 * @param serverInfo {@code {"name": ..., "version": ...}} (and optional title)
 * @param capabilities server capabilities, e.g. {@code {"tools": {"listChanged": true}}}
 * @param instructions optional usage hints for the model
 */
public record ServerIdentity(
    JsonObject serverInfo, JsonObject capabilities, Optional<String> instructions) {}
