package io.mcpoperator.gateway.limits;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.util.Set;

/**
 * Takes connections whose first request line ends in {@code HTTP/1.0}, which Helidon's HTTP/1.1
 * selector turns away by closing the connection without a word. They go to Helidon's HTTP/1.1
 * connection all the same, whose request-line parser then refuses the version through the direct
 * handler for {@code HTTP_VERSION_NOT_SUPPORTED} (the gateway's answers 505 with a JSON-RPC error).
 */
public final class Http10Connections implements ServerConnectionSelector {
  private static final String HTTP_1_0 = " HTTP/1.0\r";
  private final ServerConnectionSelector http1;

  public Http10Connections(Http1Config config) {
    this.http1 = Http1ConnectionSelector.builder().config(config).build();
  }

  @Override
  public int bytesToIdentifyConnection() {
    return 0;
  }

  @Override
  public Support supports(BufferData data) {
    int lf = data.indexOf((byte) '\n');
    // an incomplete first line is HTTP/1.1's to take: its parser refuses 1.0 with an answer too
    return lf != -1 && data.readString(lf).endsWith(HTTP_1_0)
        ? Support.SUPPORTED
        : Support.UNSUPPORTED;
  }

  @Override
  public Set<String> supportedApplicationProtocols() {
    return Set.of();
  }

  @Override
  public ServerConnection connection(ConnectionContext ctx) {
    return http1.connection(ctx);
  }
}
