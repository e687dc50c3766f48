package io.mcpoperator.operator.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Records every request the operator sends, so tests can assert how many were writes. */
public final class RequestCounter implements Interceptor {

  /** One request as sent: method and path with query. */
  public record Sent(String method, String path) {
    public boolean isWrite() {
      return switch (method) {
        case "POST", "PUT", "PATCH", "DELETE" -> true;
        default -> false;
      };
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    sent.add(new Sent(chain.request().method(), chain.request().url().encodedPath()));
    return chain.proceed(chain.request());
  }

  /** A mark to count from. */
  public int mark() {
    return sent.size();
  }

  /** Writes sent since the mark, excluding leader-election lease renewals. */
  public List<Sent> writesSince(int mark) {
    return sent.subList(mark, sent.size()).stream()
        .filter(Sent::isWrite)
        .filter(s -> !s.path().contains("/leases"))
        .toList();
  }
}
