package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP's stdio framing over a pair of byte streams: one JSON-RPC message per line. Lines that are
 * not JSON-RPC (servers that print banners to stdout) are logged and skipped.
 */
final class LineChannel {
  private static final Logger LOG = LoggerFactory.getLogger(LineChannel.class);
  private static final int MAX_LOGGED = 200;
  private final BufferedReader in;
  private final InputStream rawIn;
  private final OutputStream out;
  private final String name;

  LineChannel(InputStream in, OutputStream out, String name) {
    this.rawIn = in;
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    this.out = out;
    this.name = name;
  }

  /** Writes one message as a line. */
  void write(JsonRpcMessage message) throws IOException {
    byte[] line = (JsonRpcCodec.encode(message) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.write(line);
      out.flush();
    }
  }

  /** Reads until end of stream, handing each message to {@code listener}. */
  void readAll(UpstreamListener listener) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      DecodedBody decoded = JsonRpcCodec.decode(line);
      for (var entry : decoded.entries()) {
        if (entry instanceof DecodedBody.Valid(JsonRpcMessage message)) {
          listener.received(message, Optional.empty());
        } else {
          LOG.warn(
              "{} wrote a line that is not a JSON-RPC message: {}",
              name,
              line.length() > MAX_LOGGED ? line.substring(0, MAX_LOGGED) + "..." : line);
        }
      }
    }
  }

  /** Closes the underlying streams; never blocks on a reader in progress. */
  void close() {
    try {
      rawIn.close();
    } catch (IOException e) {
      // already closed
    }
    try {
      out.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
