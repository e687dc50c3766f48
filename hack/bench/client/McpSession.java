import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One MCP Streamable HTTP session on one keep-alive connection: initialized once, then {@code
 * tools/call} as often as wanted. Answers may come as JSON or as an SSE stream; both are accepted.
 */
final class McpSession implements AutoCloseable {
  private static final Pattern VERSION = Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");
  private final HttpConn conn;
  private final URI uri;
  private final String id;
  private final String version;
  private final byte[] headPrefix;
  private long nextId = 2;

  private McpSession(HttpConn conn, URI uri, String id, String version) {
    this.conn = conn;
    this.uri = uri;
    this.id = id;
    this.version = version;
    this.headPrefix = head(conn, uri, id, version).getBytes(StandardCharsets.US_ASCII);
  }

  /** Connects, initializes and sends notifications/initialized. */
  static McpSession open(URI uri, String protocol) throws IOException {
    return open(new HttpConn(uri), uri, protocol);
  }

  /** Initializes a session over {@code conn} (which it then owns; several may share one). */
  static McpSession open(HttpConn conn, URI uri, String protocol) throws IOException {
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
            + protocol
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-bench\",\"version\":\"1\"}}}";
    HttpConn.Response r = conn.exchange(request(head(conn, uri, null, null), init));
    String session = r.header("mcp-session-id");
    Matcher m = VERSION.matcher(r.text());
    if (r.status() != 200 || session == null || !m.find()) {
      conn.close();
      throw new IOException("initialize failed: HTTP " + r.status() + " " + r.text());
    }
    var s = new McpSession(conn, uri, session, m.group(1));
    r = conn.exchange(s.request("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
    if (r.status() / 100 != 2) {
      throw new IOException("notifications/initialized failed: HTTP " + r.status());
    }
    return s;
  }

  String id() {
    return id;
  }

  String version() {
    return version;
  }

  void refresh() throws IOException {
    conn.refresh();
  }

  /** Calls tool {@code echo}; true when the answer is its result. */
  boolean echo(String message) throws IOException {
    long n = nextId++;
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + n
            + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\""
            + message
            + "\"}}}";
    HttpConn.Response r = conn.exchange(request(body));
    if (r.status() != 200) {
      return false;
    }
    String text = r.text();
    return text.contains("Echo: " + message) && !text.contains("\"error\"");
  }

  /** Sends {@code ping} (answered by whoever terminates the session, never forwarded). */
  boolean ping() throws IOException {
    HttpConn.Response r =
        conn.exchange(request("{\"jsonrpc\":\"2.0\",\"id\":" + nextId++ + ",\"method\":\"ping\"}"));
    return r.status() == 200 && r.text().contains("\"result\"");
  }

  /**
   * Opens this session's standalone GET stream on a new socket and reads the response head; the
   * socket stays open (the caller holds it).
   */
  Socket openStream() throws IOException {
    var socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
    socket.setSoTimeout(30_000);
    OutputStream out = socket.getOutputStream();
    String get =
        "GET "
            + uri.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + conn.hostHeader()
            + "\r\nAccept: text/event-stream\r\nMcp-Session-Id: "
            + id
            + "\r\nMCP-Protocol-Version: "
            + version
            + "\r\n\r\n";
    out.write(get.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    HttpConn.Response head = HttpConn.readHead(in);
    String type = head.header("content-type");
    if (head.status() != 200 || type == null || !type.startsWith("text/event-stream")) {
      socket.close();
      throw new IOException("GET stream refused: HTTP " + head.status());
    }
    return socket;
  }

  private byte[] request(String body) {
    return request(headPrefix, body);
  }

  private static byte[] request(String prefix, String body) {
    return request(prefix.getBytes(StandardCharsets.US_ASCII), body);
  }

  private static byte[] request(byte[] prefix, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] len = (b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[prefix.length + len.length + b.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(len, 0, all, prefix.length, len.length);
    System.arraycopy(b, 0, all, prefix.length + len.length, b.length);
    return all;
  }

  /** The request head up to the Content-Length value. */
  private static String head(HttpConn conn, URI uri, String session, String version) {
    var h = new StringBuilder(256);
    h.append("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\nHost: ");
    h.append(conn.hostHeader());
    h.append("\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n");
    if (session != null) {
      h.append("Mcp-Session-Id: ").append(session).append("\r\n");
      h.append("MCP-Protocol-Version: ").append(version).append("\r\n");
    }
    h.append("Content-Length: ");
    return h.toString();
  }

  @Override
  public void close() {
    conn.close();
  }
}
