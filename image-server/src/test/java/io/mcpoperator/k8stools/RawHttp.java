package io.mcpoperator.k8stools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP client will not send as they are (a declared
 * body that never comes, a chunked body past the server's cap).
 */
public final class RawHttp {
  private RawHttp() {}

  /** The status line, headers and body the server answered, as text. */
  public record Answer(int status, String head, String body) {}

  /**
   * Sends {@code head} (request line and headers, without the blank line), then {@code body}
   * repeated {@code times} as long as the server reads it, and reads the answer.
   */
  public static Answer send(int port, String head, byte[] body, int times) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      try {
        for (int i = 0; i < times; i++) {
          out.write(body);
        }
        out.flush();
      } catch (SocketException serverStoppedReading) {
        // the server answered early and closed; its answer is still readable
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        bytes.write(buffer, 0, n);
        if (bytes.toString(StandardCharsets.UTF_8).contains("\r\n\r\n") && complete(bytes)) {
          break;
        }
      }
    } catch (SocketException reset) {
      // what was read before the reset is the answer
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean complete(ByteArrayOutputStream bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return false;
    }
    int eol = head.indexOf("\r\n", at);
    int length = Integer.parseInt(head.substring(at + 15, eol < 0 ? head.length() : eol).strip());
    return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
  }

  private static Answer parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no HTTP answer, got: " + raw);
    }
    String head = raw.substring(0, end);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    return new Answer(status, head, raw.substring(end + 4));
  }
}
