/**
 * The gateway's AOT training run ({@code mcp-gateway --aot-training}): a short, self-contained
 * workout of the serving paths, run once when the container image is built with {@code java
 * -XX:AOTCacheOutput=...} so that the JDK's ahead-of-time cache holds the classes (loaded and
 * linked) and method profiles the gateway needs. Started with that cache the gateway is ready
 * sooner and uses less memory for class metadata.
 */
package io.mcpoperator.gateway.training;
