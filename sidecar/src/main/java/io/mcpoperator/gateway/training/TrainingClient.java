package io.mcpoperator.gateway.training;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal HTTP/1.1 client over a plain socket for the training run. Not {@code java.net.http}:
 * whatever the training JVM loads ends up in the AOT cache and is loaded by every gateway at start,
 * and that client would bring its own stack and the TLS provider (about 700 classes).
 */
final class TrainingClient implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 30_000;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** One answer: status, headers (lower-case names) and body. */
  record Answer(int status, Map<String, String> headers, String body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  TrainingClient(int port) {
    this.port = port;
  }

  /** Sends a request on the kept-alive connection (opened on demand) and reads the whole answer. */
  Answer exchange(String method, String path, Map<String, String> headers, String body)
      throws IOException {
    if (socket != null && socket.isClosed()) {
      close();
    }
    try {
      return send(method, path, headers, body);
    } catch (java.io.EOFException e) {
      // the server closed the kept-alive connection before answering: once more on a fresh one
      close();
      return send(method, path, headers, body);
    }
  }

  /**
   * Opens a stream (GET, text/event-stream), reads its first {@code bytes} bytes of body, and drops
   * the connection.
   */
  int openStream(String path, Map<String, String> headers, int bytes) throws IOException {
    try (var stream = new Socket(InetAddress.getLoopbackAddress(), port)) {
      stream.setSoTimeout(READ_TIMEOUT_MILLIS);
      var streamIn = new BufferedInputStream(stream.getInputStream());
      write(stream.getOutputStream(), "GET", path, headers, "");
      int status = status(readLine(streamIn));
      Map<String, String> answerHeaders = readHeaders(streamIn);
      if (status != 200) {
        return status;
      }
      if ("chunked".equalsIgnoreCase(answerHeaders.getOrDefault("transfer-encoding", ""))) {
        readLine(streamIn);
      }
      if (streamIn.readNBytes(bytes).length < bytes) {
        throw new EOFException("stream ended early");
      }
      return status;
    }
  }

  private Answer send(String method, String path, Map<String, String> headers, String body)
      throws IOException {
    if (socket == null) {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      // a hung gateway fails the training run (and the image build) instead of hanging it
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }
    write(out, method, path, headers, body);
    int status = status(readLine(in));
    Map<String, String> answerHeaders = readHeaders(in);
    String text = new String(body(in, answerHeaders), StandardCharsets.UTF_8);
    if ("close".equalsIgnoreCase(answerHeaders.getOrDefault("connection", ""))) {
      close();
    }
    return new Answer(status, answerHeaders, text);
  }

  private void write(
      OutputStream to, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    var head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (!method.equals("GET") || content.length > 0) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    to.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    to.write(content);
    to.flush();
  }

  private static byte[] body(InputStream from, Map<String, String> headers) throws IOException {
    String length = headers.get("content-length");
    if (length != null) {
      return from.readNBytes(Integer.parseInt(length.trim()));
    }
    if (!"chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      return new byte[0];
    }
    var all = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(readLine(from).split(";", 2)[0].trim(), 16);
      if (size == 0) {
        while (!readLine(from).isEmpty()) {
          // trailers
        }
        return all.toByteArray();
      }
      all.write(from.readNBytes(size));
      readLine(from);
    }
  }

  private static int status(String line) throws IOException {
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + line);
    }
    return Integer.parseInt(parts[1]);
  }

  private static Map<String, String> readHeaders(InputStream from) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while (!(line = readLine(from)).isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static String readLine(InputStream from) throws IOException {
    var line = new StringBuilder(64);
    int c;
    while ((c = from.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
