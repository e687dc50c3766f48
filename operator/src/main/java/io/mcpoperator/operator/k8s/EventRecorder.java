package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.mcpoperator.operator.api.ResourceMeta;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on an MCPServer ({@code kubectl describe mcps NAME}). An Event that
 * cannot be written is logged and dropped: Events are advisory and never fail a reconcile.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "mcp-operator";

  private final CoreV1Api core;
  private final String instance;
  private final Clock clock;

  public EventRecorder(ApiClient client, String instance, Clock clock) {
    this.core = new CoreV1Api(client);
    this.instance = instance;
    this.clock = clock;
  }

  public void normal(ResourceMeta server, String reason, String message) {
    record(server, "Normal", reason, message);
  }

  public void warning(ResourceMeta server, String reason, String message) {
    record(server, "Warning", reason, message);
  }

  private void record(ResourceMeta server, String type, String reason, String message) {
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
                    .apiVersion(ResourceType.MCP_SERVER.apiVersion())
                    .kind(ResourceType.MCP_SERVER.kind())
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
