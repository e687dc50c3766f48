package io.mcpoperator.operator.mcpregistry;

/**
 * The images npm and PyPI packages run in: {@code node} has {@code npx}, {@code uv} has {@code
 * uvx}. Operator configuration; the defaults are public images.
 */
public record RuntimeImages(String node, String uv) {
  public static final String DEFAULT_NODE = "docker.io/library/node:24-alpine";
  public static final String DEFAULT_UV = "ghcr.io/astral-sh/uv:python3.13-alpine";

  public static RuntimeImages defaults() {
    return new RuntimeImages(DEFAULT_NODE, DEFAULT_UV);
  }
}
