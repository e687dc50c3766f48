package io.mcpoperator.operator.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mcpoperator.operator.status.Shadowed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the gateways of servers that merge an upstream with aggregated items which of those the
 * upstream shadows ({@code GET /observe/aggregation} on a ready pod), off the reconcile: probes run
 * on virtual threads with a short timeout, when a server's target (pod IP or ConfigMap version)
 * changes and then every {@code interval}. The last answer is kept per server — a failed probe
 * keeps it — and a changed answer enqueues the server through the listener.
 */
public final class ShadowProbes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowProbes.class);
  private static final String PATH = "/observe/aggregation";

  /** Where to ask: a ready gateway pod's IP, and the version of the configuration it serves. */
  public record Target(String podIp, String configVersion) {}

  private final int port;
  private final Duration timeout;
  private final HttpClient http;
  private final Map<String, Target> targets = new ConcurrentHashMap<>();
  private final Map<String, Shadowed> known = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Thread ticker;
  private volatile BiConsumer<String, String> listener = (namespace, name) -> {};

  public ShadowProbes(int port, Duration timeout, Duration interval) {
    this.port = port;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.ticker =
        Thread.ofVirtual()
            .name("shadow-probes")
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      Thread.sleep(interval);
                      targets.forEach(this::probe);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
  }

  /** Called with namespace and name when a server's answer changes. */
  public void onChange(BiConsumer<String, String> listener) {
    this.listener = listener;
  }

  /**
   * Records where to probe a server (none: stop probing it, keeping its last answer) and returns
   * its last answer, if any. Never blocks: a new target is probed in the background.
   */
  public Optional<Shadowed> observe(String namespace, String name, Optional<Target> target) {
    String key = namespace + "/" + name;
    if (target.isEmpty()) {
      targets.remove(key);
    } else if (!target.get().equals(targets.put(key, target.get()))) {
      probe(key, target.get());
    }
    return Optional.ofNullable(known.get(key));
  }

  /** Forgets a server that is gone. */
  public void forget(String namespace, String name) {
    String key = namespace + "/" + name;
    targets.remove(key);
    known.remove(key);
  }

  private void probe(String key, Target target) {
    if (!running.add(key)) {
      return;
    }
    Thread.ofVirtual()
        .name("shadow-probe-" + key)
        .start(
            () -> {
              try {
                fetch(target).ifPresent(answer -> remember(key, answer));
              } finally {
                running.remove(key);
              }
            });
  }

  private void remember(String key, Shadowed answer) {
    if (!targets.containsKey(key)) {
      return;
    }
    Shadowed before = known.put(key, answer);
    if (!answer.equals(before)) {
      int slash = key.indexOf('/');
      listener.accept(key.substring(0, slash), key.substring(slash + 1));
    }
  }

  private Optional<Shadowed> fetch(Target target) {
    URI uri = URI.create("http://" + host(target.podIp()) + ":" + port + PATH);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.debug("shadow probe {} answered {}", uri, response.statusCode());
        return Optional.empty();
      }
      return Optional.of(parse(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.debug("shadow probe {} failed: {}", uri, e.toString());
      return Optional.empty();
    }
  }

  /** Parses {@code {"shadowed":{"tools":[…],"prompts":[…],"resources":[…]}}}. */
  static Shadowed parse(String body) {
    JsonObject shadowed =
        JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("shadowed");
    return new Shadowed(
        names(shadowed, "tools"), names(shadowed, "prompts"), names(shadowed, "resources"));
  }

  private static List<String> names(JsonObject shadowed, String key) {
    List<String> out = new ArrayList<>();
    if (shadowed != null && shadowed.get(key) instanceof JsonArray items) {
      for (JsonElement item : items) {
        out.add(item.getAsString());
      }
    }
    out.sort(null);
    return out;
  }

  private static String host(String ip) {
    return ip.contains(":") ? "[" + ip + "]" : ip;
  }

  @Override
  public void close() {
    ticker.interrupt();
    targets.clear();
    http.close();
  }
}
