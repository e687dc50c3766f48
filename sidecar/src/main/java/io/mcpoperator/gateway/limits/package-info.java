/**
 * Connection-level limits of the gateway's HTTP server: read deadlines for request heads (against
 * slowloris clients) and an answer for HTTP/1.0 clients. Request-level limits live with the
 * transports ({@code mcp.transport}).
 */
package io.mcpoperator.gateway.limits;
