package io.mcpoperator.gateway.aggregate;

import io.helidon.common.LazyValue;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Backend calls with Helidon WebClient, each on its own virtual thread so that a timeout or a
 * client's cancellation abandons it at once (the thread is interrupted, which closes its socket).
 */
public final class WebClientSender implements HttpSender {
  private static final Duration MAX_CONNECT = Duration.ofSeconds(5);
  // made on first use: a gateway without aggregated HTTP items never loads the web client and its
  // TLS stack (about 500 classes and the trust store)
  private final LazyValue<WebClient> client =
      LazyValue.create(
          () -> WebClient.builder().connectTimeout(MAX_CONNECT).followRedirects(false).build());
  private final int maxBodyBytes;

  public WebClientSender(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public HttpOutcome send(HttpCall call, Consumer<Runnable> onCancel) {
    var outcome = new CompletableFuture<HttpOutcome>();
    Thread worker =
        Thread.ofVirtual().name("aggregate-http").unstarted(() -> outcome.complete(exchange(call)));
    onCancel.accept(
        () -> {
          outcome.complete(new HttpOutcome.Failed("cancelled by the client", false));
          worker.interrupt();
        });
    worker.start();
    try {
      return outcome.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      return new HttpOutcome.Failed("no answer within " + call.timeout().toMillis() + " ms", true);
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      return new HttpOutcome.Failed("cancelled", false);
    } catch (ExecutionException e) {
      return new HttpOutcome.Failed(String.valueOf(e.getCause()), false);
    }
  }

  private HttpOutcome exchange(HttpCall call) {
    HttpClientRequest request =
        client
            .get()
            .method(Method.create(call.method()))
            .uri(call.uri())
            .readTimeout(call.timeout())
            .header(HeaderNames.ACCEPT, "application/json, */*;q=0.5");
    call.query().forEach(p -> request.queryParam(p.name(), p.value()));
    call.headers().forEach(h -> request.header(HeaderNames.create(h.name()), h.value()));
    try (HttpClientResponse response = send(request, call)) {
      byte[] body;
      try (InputStream in = response.inputStream()) {
        body = in.readNBytes(maxBodyBytes + 1);
      }
      boolean truncated = body.length > maxBodyBytes;
      return new HttpOutcome.Answered(
          response.status().code(),
          response.headers().first(HeaderNames.CONTENT_TYPE),
          truncated ? java.util.Arrays.copyOf(body, maxBodyBytes) : body,
          truncated);
    } catch (IOException | RuntimeException e) {
      return new HttpOutcome.Failed(describe(e), false);
    }
  }

  private static HttpClientResponse send(HttpClientRequest request, HttpCall call) {
    if (call.jsonBody().isPresent()) {
      return request
          .header(HeaderNames.CONTENT_TYPE, "application/json")
          .submit(call.jsonBody().get());
    }
    return request.request();
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
