package io.mcpoperator.gateway.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads a request body up to a size cap. */
final class BodyReader {
  private BodyReader() {}

  /** The body, or empty when it is larger than {@code max} bytes. */
  static Optional<byte[]> read(ServerRequest req, long max) {
    Optional<Long> declared =
        req.headers().first(HeaderNames.CONTENT_LENGTH).flatMap(BodyReader::parseLong);
    if (declared.isPresent() && declared.get() > max) {
      return Optional.empty();
    }
    if (!req.content().hasEntity()) {
      return Optional.of(new byte[0]);
    }
    try (InputStream in = req.content().inputStream()) {
      if (declared.isPresent()) {
        // the usual case: exactly the declared bytes, one array, no copies
        return Optional.of(in.readNBytes(declared.get().intValue()));
      }
      var out = new ByteArrayOutputStream(1024);
      byte[] buffer = new byte[2048];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          return Optional.empty();
        }
      }
      return Optional.of(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Long> parseLong(String value) {
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
