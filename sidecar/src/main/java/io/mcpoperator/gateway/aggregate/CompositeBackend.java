package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.OncePerSession;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's MCP server when aggregation is configured: the upstream server's tools, prompts and
 * resources (if there is an upstream) merged with the aggregated ones.
 *
 * <ul>
 *   <li>Lists: upstream items first, then the aggregated ones — on the first page only; later pages
 *       are the upstream's, cursors pass through untouched.
 *   <li>Conflicts: an aggregated item whose name (URI, URI template) the upstream also lists is
 *       hidden and its calls go to the upstream; the upstream's complete list decides, so routing
 *       does not depend on which pages a client has seen (see {@link Shadowing}).
 *   <li>Reload: {@link #update} swaps the catalog and sends {@code list_changed} for the lists that
 *       changed.
 * </ul>
 */
public final class CompositeBackend implements McpBackend, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeBackend.class);
  private static final List<String> CAPABILITIES = List.of("tools", "prompts", "resources");
  private final Optional<McpBackend> upstream;
  private final JsonObject serverInfo;
  private final AtomicReference<Catalog> catalog = new AtomicReference<>();
  private final ToolInvoker tools;
  private final ResourceReader resources;
  private final Shadowing shadowing;
  private final Outbound outbound;
  private volatile McpClients clients;

  /**
   * @param upstream the image's MCP server, if the MCPServer has one
   * @param serverInfo initialize's {@code serverInfo} when there is no upstream
   */
  public CompositeBackend(
      Optional<McpBackend> upstream,
      JsonObject serverInfo,
      AggregateConfig config,
      Outbound outbound) {
    this.upstream = upstream;
    this.serverInfo = serverInfo;
    this.tools = new ToolInvoker(outbound);
    this.resources = new ResourceReader(outbound);
    this.shadowing = new Shadowing(upstream, outbound.metrics());
    this.outbound = outbound;
    this.catalog.set(load(config));
  }

  /**
   * The gateway's backend for {@code config}: its aggregated items, in front of {@code upstream}
   * (empty for transport {@code none}), calling out through {@code outbound} (see {@link
   * Outbound#forGateway}).
   */
  public static CompositeBackend forGateway(
      GatewayConfig config, Optional<McpBackend> upstream, Outbound outbound) {
    String name =
        config.server().name().isEmpty()
            ? "mcp-gateway"
            : config.server().namespace() + "/" + config.server().name();
    String version =
        Optional.ofNullable(CompositeBackend.class.getPackage().getImplementationVersion())
            .orElse("dev");
    return new CompositeBackend(
        upstream,
        Json.object().add("name", name).add("version", version).build(),
        AggregateConfig.of(config),
        outbound);
  }

  private static Catalog load(AggregateConfig config) {
    Catalog next = Catalog.of(config);
    next.problems().forEach(p -> LOG.warn("aggregation entry not served: {}", p));
    LOG.info("aggregation: serving {}", next.summary());
    return next;
  }

  /** Swaps in a new configuration; live sessions hear about each list that changed. */
  public void update(AggregateConfig config) {
    Catalog next = load(config);
    Catalog previous = catalog.getAndSet(next);
    McpClients target = clients;
    for (String capability : CAPABILITIES) {
      boolean changed =
          Arrays.stream(ListKind.values())
              .filter(k -> k.capability.equals(capability))
              .anyMatch(k -> !k.items.apply(previous).equals(k.items.apply(next)));
      if (changed && target != null) {
        // every replica reloads the same file: each session hears of this catalog once
        var items = Json.array();
        Arrays.stream(ListKind.values())
            .filter(k -> k.capability.equals(capability))
            .forEach(k -> items.add(k.items.apply(next)));
        target.notifyAll(
            "notifications/" + capability + "/list_changed",
            JsonValue.EMPTY_JSON_OBJECT,
            OncePerSession.everyone(
                "aggregate/" + capability, CanonicalJson.digest(items.build())));
      }
    }
  }

  /** The catalog being served. */
  public Catalog catalog() {
    return catalog.get();
  }

  /**
   * The aggregated items hidden because the upstream lists the same name (tools, prompts) or URI
   * (resources and resource templates), sorted: {@code
   * {"tools":[…],"prompts":[…],"resources":[…]}}, by the upstream's last complete listings (see
   * {@link Shadowing#shadowed}).
   */
  public JsonObject shadowed() {
    var byKind = shadowing.shadowed(catalog.get());
    var resources = new TreeSet<String>(byKind.get(ListKind.RESOURCES));
    resources.addAll(byKind.get(ListKind.RESOURCE_TEMPLATES));
    return Json.object()
        .add("tools", strings(byKind.get(ListKind.TOOLS)))
        .add("prompts", strings(byKind.get(ListKind.PROMPTS)))
        .add("resources", strings(resources))
        .build();
  }

  private static JsonArray strings(Collection<String> values) {
    var out = Json.array();
    values.forEach(out::add);
    return out.build();
  }

  @Override
  public void bind(McpClients clients) {
    this.clients = clients;
    upstream.ifPresent(u -> u.bind(new ListChangeTap(clients, shadowing::upstreamSaid)));
  }

  @Override
  public ServerIdentity identity() throws McpException {
    ServerIdentity base =
        upstream.isPresent()
            ? upstream.get().identity()
            : new ServerIdentity(serverInfo, JsonValue.EMPTY_JSON_OBJECT, Optional.empty());
    var capabilities = Json.object(base.capabilities());
    for (String name : CAPABILITIES) {
      JsonObject existing =
          Json.object(base.capabilities(), name).orElse(JsonValue.EMPTY_JSON_OBJECT);
      capabilities.add(name, Json.object(existing).add("listChanged", true));
    }
    return new ServerIdentity(base.serverInfo(), capabilities.build(), base.instructions());
  }

  @Override
  public JsonObject handle(McpRequest request) throws McpException {
    Catalog c = catalog.get();
    return switch (request.method()) {
      case "tools/list" -> shadowing.list(request, ListKind.TOOLS, c);
      case "prompts/list" -> shadowing.list(request, ListKind.PROMPTS, c);
      case "resources/list" -> shadowing.list(request, ListKind.RESOURCES, c);
      case "resources/templates/list" -> shadowing.list(request, ListKind.RESOURCE_TEMPLATES, c);
      case "tools/call" -> callTool(request, c);
      case "prompts/get" -> getPrompt(request, c);
      case "resources/read" -> readResource(request, c);
      case "resources/subscribe", "resources/unsubscribe" -> subscription(request, c);
      default -> forward(request, JsonRpcError.methodNotFound(request.method()));
    };
  }

  private JsonObject callTool(McpRequest request, Catalog c) throws McpException {
    String name = required(request, "name");
    Optional<Catalog.Tool> tool = c.tool(name);
    if (tool.isPresent() && !shadowing.hidden(request, ListKind.TOOLS, name)) {
      JsonValue arguments = request.params().getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
      if (!(arguments instanceof JsonObject args)) {
        return ToolResults.error(
            "Invalid arguments for tool " + name + ": arguments must be an object");
      }
      return tools.call(
          tool.get(), args, request, tool.get().spec().timeout().orElse(c.defaultTimeout()));
    }
    return forward(request, JsonRpcError.invalidParams("unknown tool " + name));
  }

  private JsonObject getPrompt(McpRequest request, Catalog c) throws McpException {
    String name = required(request, "name");
    Optional<PromptSpec> prompt = c.prompt(name);
    if (prompt.isPresent() && !shadowing.hidden(request, ListKind.PROMPTS, name)) {
      return PromptRenderer.get(
          prompt.get(),
          Json.object(request.params(), "arguments").orElse(JsonValue.EMPTY_JSON_OBJECT));
    }
    return forward(request, JsonRpcError.invalidParams("unknown prompt " + name));
  }

  private JsonObject readResource(McpRequest request, Catalog c) throws McpException {
    String uri = required(request, "uri");
    Optional<ResourceSpec.Inline> inline = c.inline(uri);
    if (inline.isPresent() && !shadowing.hidden(request, ListKind.RESOURCES, uri)) {
      return ResourceReader.inline(inline.get());
    }
    var operation = c.operation(uri);
    if (operation.isPresent() && !shadowing.hidden(request, operation.get().getKey())) {
      return resources.read(
          uri, operation.get().getKey(), operation.get().getValue(), request, c.defaultTimeout());
    }
    return forward(request, notFound(uri));
  }

  private JsonObject subscription(McpRequest request, Catalog c) throws McpException {
    String uri = required(request, "uri");
    var operation = c.operation(uri);
    boolean ours =
        (c.inline(uri).isPresent() && !shadowing.hidden(request, ListKind.RESOURCES, uri))
            || (operation.isPresent() && !shadowing.hidden(request, operation.get().getKey()));
    // aggregated resources never change while the configuration stands: nothing to notify
    return ours ? JsonValue.EMPTY_JSON_OBJECT : forward(request, notFound(uri));
  }

  private JsonObject forward(McpRequest request, JsonRpcError otherwise) throws McpException {
    if (upstream.isEmpty()) {
      throw new McpException(otherwise);
    }
    return upstream.get().handle(request);
  }

  private static JsonRpcError notFound(String uri) {
    return new JsonRpcError(
        ResourceReader.RESOURCE_NOT_FOUND,
        "Resource not found: " + uri,
        Optional.of(Json.object().add("uri", uri).build()));
  }

  private static String required(McpRequest request, String name) throws McpException {
    return Json.string(request.params(), name)
        .orElseThrow(
            () ->
                new McpException(
                    JsonRpcError.invalidParams(
                        request.method() + " needs a string '" + name + "'")));
  }

  @Override
  public void onNotification(ClientSession session, JsonRpcMessage.Notification notification) {
    upstream.ifPresent(u -> u.onNotification(session, notification));
  }

  @Override
  public void onSessionStart(ClientSession session) {
    upstream.ifPresent(u -> u.onSessionStart(session));
  }

  @Override
  public void onSessionEnd(String sessionId) {
    upstream.ifPresent(u -> u.onSessionEnd(sessionId));
  }

  /** Closes the Redis connection of the cache and rate limits, if any. */
  @Override
  public void close() {
    outbound.close();
  }
}
