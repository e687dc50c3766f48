import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket: the cheapest client there is, so the
 * benchmark measures the servers and not an HTTP library. Loopback only.
 */
final class HttpConn implements AutoCloseable {
  private static final int TIMEOUT_MS = 30_000;
  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A response: status, lower-cased headers, body. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  HttpConn(URI uri) throws IOException {
    this.host = uri.getHost();
    this.port = uri.getPort();
    if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
      throw new IllegalArgumentException("the benchmark talks to loopback only, not " + host);
    }
    open();
  }

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(TIMEOUT_MS);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  String hostHeader() {
    return host + ":" + port;
  }

  /** Reopens the connection when the server closed it while idle (not timed). */
  void refresh() throws IOException {
    boolean closed = socket.isClosed();
    if (!closed) {
      socket.setSoTimeout(1);
      in.mark(1);
      try {
        closed = in.read() < 0;
        if (!closed) {
          in.reset();
        }
      } catch (SocketTimeoutException e) {
        closed = false;
      } catch (IOException e) {
        closed = true;
      } finally {
        if (!socket.isClosed()) {
          socket.setSoTimeout(TIMEOUT_MS);
        }
      }
    }
    if (closed) {
      close();
      open();
    }
  }

  /** Sends {@code request} (complete head and body) and reads the response. */
  Response exchange(byte[] request) throws IOException {
    if (socket.isClosed()) {
      open();
    }
    out.write(request);
    out.flush();
    Response response = read(in);
    if ("close".equalsIgnoreCase(response.header("connection"))) {
      close();
    }
    return response;
  }

  /** Reads a status line and headers only (for a stream that stays open). */
  static Response readHead(InputStream in) throws IOException {
    String status = line(in);
    if (status == null || !status.startsWith("HTTP/1.")) {
      throw new IOException("no HTTP response: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    Map<String, String> headers = new HashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(h.substring(0, colon).trim().toLowerCase(), h.substring(colon + 1).trim());
      }
    }
    return new Response(code, headers, new byte[0]);
  }

  static Response read(InputStream in) throws IOException {
    Response head = readHead(in);
    Map<String, String> headers = head.headers();
    byte[] body;
    String length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else if (head.status() == 204 || head.status() == 304 || head.status() / 100 == 1) {
      body = new byte[0];
    } else {
      body = in.readAllBytes();
      headers.put("connection", "close");
    }
    return new Response(head.status(), headers, body);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    var body = new ByteArrayOutputStream(512);
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("connection closed inside a chunked body");
      }
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line(in);
    }
  }

  /** One line without its CR LF; null at end of stream. */
  static String line(InputStream in) throws IOException {
    var sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
          sb.setLength(end - 1);
        }
        return sb.toString();
      }
      sb.append((char) c);
    }
    return sb.isEmpty() ? null : sb.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
