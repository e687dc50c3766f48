package io.mcpoperator.operator.testing;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.BufferedSink;
import okio.ForwardingSource;
import okio.Okio;
import okio.Pipe;

/**
 * Serves a client-java {@code ?watch=true} request from the mock's WebSocket watch: each WebSocket
 * message becomes one line of a streamed HTTP body, as a real API server sends it.
 */
final class WatchBridge {

  private static final long PIPE_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient webSockets = new OkHttpClient();
  private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();

  Response open(Request request) {
    Pipe pipe = new Pipe(PIPE_BYTES);
    BufferedSink sink = Okio.buffer(pipe.sink());
    String wsUrl = request.url().toString().replaceFirst("^http", "ws");
    WebSocket socket =
        webSockets.newWebSocket(
            new Request.Builder().url(wsUrl).build(), new Forwarder(sink, this::forget));
    open.add(socket);
    ForwardingSource source =
        new ForwardingSource(pipe.source()) {
          @Override
          public void close() throws IOException {
            socket.cancel();
            forget(socket);
            super.close();
          }
        };
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create(Okio.buffer(source), MediaType.get("application/json"), -1))
        .build();
  }

  void closeAll() {
    open.forEach(WebSocket::cancel);
    open.clear();
    webSockets.dispatcher().executorService().shutdown();
    webSockets.connectionPool().evictAll();
  }

  private void forget(WebSocket socket) {
    open.remove(socket);
  }

  private static final class Forwarder extends WebSocketListener {

    private final BufferedSink sink;
    private final Consumer<WebSocket> onEnd;

    Forwarder(BufferedSink sink, Consumer<WebSocket> onEnd) {
      this.sink = sink;
      this.onEnd = onEnd;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      synchronized (sink) {
        try {
          sink.writeUtf8(text.strip()).writeUtf8("\n");
          sink.flush();
        } catch (IOException closedByReader) {
          webSocket.cancel();
        }
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      end(webSocket);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      end(webSocket);
    }

    private void end(WebSocket webSocket) {
      onEnd.accept(webSocket);
      synchronized (sink) {
        try {
          sink.close();
        } catch (IOException ignored) {
          // the reader is gone already
        }
      }
    }
  }
}
