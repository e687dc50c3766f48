package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the upstream's lists with the aggregated ones and decides conflicts: <b>the upstream
 * wins</b>. An aggregated tool, prompt, resource or template whose name, URI or URI template the
 * upstream lists is hidden (logged once per change, counted in {@code mcp_aggregate_shadowed}) and
 * its calls go to the upstream. The upstream's complete list decides — all its pages, fetched once
 * and kept until it says {@code list_changed} — so a call is routed the same way whatever pages the
 * client has read.
 */
final class Shadowing {
  private static final Logger LOG = LoggerFactory.getLogger(Shadowing.class);
  private static final int MAX_PAGES = 100;
  private final Optional<McpBackend> upstream;
  private final AggregateMetrics metrics;
  private final UpstreamIds ids = new UpstreamIds();
  private final Map<ListKind, Set<String>> reported = new ConcurrentHashMap<>();

  Shadowing(Optional<McpBackend> upstream, AggregateMetrics metrics) {
    this.upstream = upstream;
    this.metrics = metrics;
  }

  void upstreamSaid(String notification) {
    ids.changed(notification);
  }

  /** A list request: the upstream's page, plus the visible aggregated items on the first one. */
  JsonObject list(McpRequest request, ListKind kind, Catalog catalog) throws McpException {
    JsonArray ours = kind.items.apply(catalog);
    boolean firstPage = Json.string(request.params(), "cursor").isEmpty();
    if (!upstreamServes(kind)) {
      if (!firstPage) {
        throw new McpException(JsonRpcError.invalidParams("unknown cursor"));
      }
      return Json.object().add(kind.key, ours).build();
    }
    long generation = ids.generation();
    JsonObject page = upstream.orElseThrow().handle(request);
    if (!firstPage || ours.isEmpty()) {
      return page;
    }
    Set<String> all = idsOf(page, kind);
    Optional<String> next = Json.string(page, "nextCursor");
    if (next.isPresent()) {
      all.addAll(fetch(request, kind, next));
    }
    ids.remember(kind, all, generation);
    var merged = Json.array();
    page.getOrDefault(kind.key, JsonValue.EMPTY_JSON_ARRAY).asJsonArray().forEach(merged::add);
    var hidden = new TreeSet<String>();
    for (JsonValue item : ours) {
      String id = id(item, kind);
      if (all.contains(id)) {
        hidden.add(id);
      } else {
        merged.add(item);
      }
    }
    report(kind, hidden);
    return Json.object(page).add(kind.key, merged).build();
  }

  /**
   * True when the upstream lists {@code id}, so the aggregated item of that id is hidden. While the
   * upstream cannot answer (restarting), aggregated items stay available.
   */
  boolean hidden(McpRequest request, ListKind kind, String id) {
    Optional<Set<String>> known = ids.known(kind);
    if (known.isPresent()) {
      return known.get().contains(id);
    }
    try {
      if (!upstreamServes(kind)) {
        return false;
      }
      long generation = ids.generation();
      Set<String> all = fetch(request, kind, Optional.empty());
      ids.remember(kind, all, generation);
      return all.contains(id);
    } catch (McpException e) {
      LOG.debug(
          "upstream cannot list {} now ({}): serving the aggregated one", kind.key, e.getMessage());
      return false;
    }
  }

  /** Whether an HTTP resource operation is hidden (by a resource or a template of its name). */
  boolean hidden(McpRequest request, Catalog.Operation operation) {
    ListKind kind = operation.template().plain() ? ListKind.RESOURCES : ListKind.RESOURCE_TEMPLATES;
    return hidden(request, kind, operation.spec().uriTemplate());
  }

  /**
   * The ids of {@code catalog}'s items that the upstream also lists, per list, by the upstream's
   * last complete listing (learnt when a client lists or calls; kept across {@code list_changed}
   * until the next listing, so a report does not flap).
   */
  Map<ListKind, SortedSet<String>> shadowed(Catalog catalog) {
    var out = new EnumMap<ListKind, SortedSet<String>>(ListKind.class);
    for (ListKind kind : ListKind.values()) {
      Set<String> listed = ids.lastSeen(kind);
      var hidden = new TreeSet<String>();
      for (JsonValue item : kind.items.apply(catalog)) {
        String id = id(item, kind);
        if (listed.contains(id)) {
          hidden.add(id);
        }
      }
      out.put(kind, hidden);
    }
    return out;
  }

  private boolean upstreamServes(ListKind kind) throws McpException {
    return upstream.isPresent()
        && upstream.get().identity().capabilities().containsKey(kind.capability);
  }

  /** Every id of the upstream's list from {@code cursor} on (from the start when empty). */
  private Set<String> fetch(McpRequest request, ListKind kind, Optional<String> cursor)
      throws McpException {
    var all = new LinkedHashSet<String>();
    Optional<String> next = cursor;
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      var params = Json.object();
      next.ifPresent(c -> params.add("cursor", c));
      JsonObject page =
          upstream.orElseThrow().handle(new DerivedRequest(request, kind.method, params.build()));
      all.addAll(idsOf(page, kind));
      next = Json.string(page, "nextCursor");
      if (next.isEmpty()) {
        break;
      }
    }
    return all;
  }

  private static Set<String> idsOf(JsonObject page, ListKind kind) {
    var out = new LinkedHashSet<String>();
    if (page.get(kind.key) instanceof JsonArray items) {
      items.forEach(item -> out.add(id(item, kind)));
    }
    return out;
  }

  private static String id(JsonValue item, ListKind kind) {
    return item instanceof JsonObject o ? Json.string(o, kind.id).orElse("") : "";
  }

  private void report(ListKind kind, Set<String> hidden) {
    metrics.shadowed(kind.key, hidden.size());
    Set<String> before = reported.put(kind, hidden);
    if (!hidden.isEmpty() && !hidden.equals(before)) {
      LOG.warn(
          "aggregated {} hidden because the upstream server has the same {}: {}",
          kind.key,
          kind.id,
          hidden);
    }
  }
}
