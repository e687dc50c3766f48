package io.mcpoperator.operator.k8s;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.mcpoperator.operator.api.ResourceMeta;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on an MCPServer ({@code kubectl describe mcps NAME}). An Event that
 * cannot be written is logged and dropped: Events are advisory and never fail a reconcile. The same
 * Event (object, type, reason, message) is recorded once per {@link #REPEAT_WINDOW}, as client-go's
 * event correlator does: two reconciles that both see a transition in a cache not yet updated by
 * the first one's status write would otherwise record it twice.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "mcp-operator";

  private final CoreV1Api core;
  private final String instance;
  private final Clock clock;

  /** How long a recorded Event suppresses an identical one. */
  static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

  private final Cache<String, Boolean> recent =
      Caffeine.newBuilder().expireAfterWrite(REPEAT_WINDOW).maximumSize(10_000).build();

  public EventRecorder(ApiClient client, String instance, Clock clock) {
    this.core = new CoreV1Api(client);
    this.instance = instance;
    this.clock = clock;
  }

  public void normal(ResourceMeta server, String reason, String message) {
    record(ResourceType.MCP_SERVER, server, "Normal", reason, message);
  }

  public void warning(ResourceMeta server, String reason, String message) {
    record(ResourceType.MCP_SERVER, server, "Warning", reason, message);
  }

  /** A Normal event on an object of another of the operator's kinds (e.g. an MCPRegistry). */
  public void normal(ResourceType kind, ResourceMeta object, String reason, String message) {
    record(kind, object, "Normal", reason, message);
  }

  /** A Warning event on an object of another of the operator's kinds. */
  public void warning(ResourceType kind, ResourceMeta object, String reason, String message) {
    record(kind, object, "Warning", reason, message);
  }

  private void record(
      ResourceType kind, ResourceMeta server, String type, String reason, String message) {
    String key = String.join("\u0000", server.uid(), type, reason, message);
    if (recent.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String name =
        server.name()
            + "."
            + Long.toHexString(System.nanoTime() ^ ThreadLocalRandom.current().nextLong());
    CoreV1Event event =
        new CoreV1Event()
            .metadata(new V1ObjectMeta().name(name).namespace(server.namespace()))
            .involvedObject(
                new V1ObjectReference()
                    .apiVersion(kind.apiVersion())
                    .kind(kind.kind())
                    .namespace(server.namespace())
                    .name(server.name())
                    .uid(server.uid())
                    .resourceVersion(server.resourceVersion()))
            .type(type)
            .reason(reason)
            .message(message)
            .firstTimestamp(now)
            .lastTimestamp(now)
            .count(1)
            .source(new V1EventSource().component(COMPONENT))
            .reportingComponent(COMPONENT)
            .reportingInstance(instance);
    try {
      core.createNamespacedEvent(server.namespace(), event).execute();
    } catch (ApiException e) {
      LOG.warn("could not record event {} on {}: HTTP {}", reason, server.key(), e.getCode());
    }
  }
}
