package io.mcpoperator.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.LocalRegistry;
import io.mcpoperator.operator.testing.OperatorFixture;
import io.mcpoperator.operator.testing.TestImages;
import io.mcpoperator.operator.testing.TokenRegistryProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * render reads the entrypoints of stdio images without {@code spec.command} from a real registry on
 * loopback, with the operator's own lookup; {@code --offline} contacts none.
 */
class RenderEntrypointIT {
  static final List<String> SHIM = List.of("/bin/sh", "/opt/mcp-shim/stdio-shim.sh");

  /** user "puller", password "s3cret" (bcrypt, cost 4). */
  private static final String HTPASSWD =
      "puller:$2b$04$XXQmbD6GbKL65asRfoakyeBEPFs/0slJew/hzb9bzBTacS2wXJqVK";

  private static final String PULLER =
      Base64.getEncoder().encodeToString("puller:s3cret".getBytes(StandardCharsets.UTF_8));

  private static final int PARALLEL = 4;
  private static LocalRegistry registry;
  private static LocalRegistry locked;
  private static TokenRegistryProxy tokens;

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void startRegistries() throws Exception {
    LocalRegistry.assumeInstalled();
    registry = LocalRegistry.start();
    EarlierDesignManifests.push(registry);
    registry.push("mcp/bare", "1", TestImages.oci(null, null));
    for (int i = 0; i < PARALLEL; i++) {
      registry.push(
          "mcp/parallel",
          "p" + i,
          TestImages.oci(EarlierDesignManifests.POSTGRES_ENTRYPOINT, List.of("p" + i)));
    }
    locked = LocalRegistry.startWithBasicAuth(HTPASSWD, "Basic " + PULLER);
    locked.push("private/srv", "2", TestImages.oci(List.of("/srv"), List.of("serve")));
    tokens = TokenRegistryProxy.anonymous(registry);
  }

  @AfterAll
  static void stopRegistries() throws Exception {
    if (tokens != null) {
      tokens.close();
    }
    for (LocalRegistry r : new LocalRegistry[] {registry, locked}) {
      if (r != null) {
        r.close();
      }
    }
  }

  @Test
  void theEarlierDesignsRenderWithTheEntrypointsReadFromTheRegistry() throws Exception {
    EarlierDesignManifests.write(dir, registry.address(), tokens.address());

    int exit = run("-f", dir.toString(), "-n", "team-a");

    assertThat(exit).as(err()).isZero();
    assertThat(err()).doesNotContain("warning:").doesNotContain("error:");
    assertThat(kinds())
        .containsExactlyInAnyOrder(
            "ConfigMap/team-assistant-gateway",
            "Deployment/team-assistant",
            "Service/team-assistant",
            "Ingress/team-assistant",
            "PodDisruptionBudget/team-assistant",
            "ConfigMap/postgres-server-gateway",
            "Deployment/postgres-server",
            "Service/postgres-server");
    JsonObject postgres = container(object("Deployment", "postgres-server"), "server");
    assertThat(strings(postgres, "command")).isEqualTo(SHIM);
    assertThat(strings(postgres, "args")).containsExactly("mcp-server-postgres", "--stdio");
    assertThat(postgres.get("image").getAsString())
        .isEqualTo(registry.address() + "/mcp/postgres-server:1.0");
    assertThat(postgres.toString())
        .contains("\"secretKeyRef\":{\"key\":\"url\",\"name\":\"pg-credentials\"}");
    JsonObject everything = container(object("Deployment", "team-assistant"), "server");
    assertThat(strings(everything, "args"))
        .as("the linux/amd64 image of the index, read through the Bearer token flow")
        .containsExactly("node", "/app/index.js", "stdio");
    assertThat(tokens.requests()).anyMatch(r -> r.startsWith("GET /token?"));
    String gateway =
        object("ConfigMap", "team-assistant-gateway").getAsJsonObject("data").toString();
    assertThat(gateway)
        .contains("get-weather")
        .contains("weather-report")
        .contains("docs://runbook")
        .contains("mcp-redis");
    assertThat(object("Ingress", "team-assistant").toString()).contains("mcp.example.com");
  }

  @Test
  void renderedChildrenAreTheOperatorsForTheSameServerAndImage() throws Exception {
    String image = registry.address() + "/mcp/postgres-server:1.0";
    try (OperatorFixture fixture = OperatorFixture.start()) {
      fixture.createServer(
          "team-a", "pg", "{\"image\": \"" + image + "\", \"args\": [\"--read-only\"]}");
      JsonObject operator = fixture.awaitObject(ResourceType.DEPLOYMENT, "team-a", "pg");
      write(
          "pg.yaml",
          """
          apiVersion: mcpoperator.io/v1alpha1
          kind: MCPServer
          metadata: {name: pg, namespace: team-a}
          spec: {image: "%s", args: [--read-only]}
          """
              .formatted(image));

      assertThat(run("-f", dir.toString())).as(err()).isZero();

      JsonObject rendered = object("Deployment", "pg");
      assertThat(rendered.get("spec")).isEqualTo(operator.get("spec"));
      assertThat(strings(container(rendered, "server"), "args"))
          .containsExactly("mcp-server-postgres", "--read-only");
    }
  }

  @Test
  void offlineContactsNoRegistryAndListsTheServersLeftUnresolved() throws Exception {
    EarlierDesignManifests.write(dir, tokens.address(), tokens.address());
    int before = tokens.requests().size();

    int exit = run("-f", dir.toString(), "--offline");

    assertThat(exit).as(err()).isZero();
    assertThat(tokens.requests()).hasSize(before);
    assertThat(err())
        .contains(
            "(MCPServer default/postgres-server): entrypoint of image "
                + tokens.address()
                + "/mcp/postgres-server:1.0 left unresolved (--offline)")
        .contains(
            "(MCPServer default/team-assistant): entrypoint of image "
                + tokens.address()
                + "/mcp/everything:2 left unresolved (--offline)")
        .contains("set spec.command to render the exact Deployment");
    JsonObject server = container(object("Deployment", "postgres-server"), "server");
    assertThat(strings(server, "command")).isEqualTo(SHIM);
    assertThat(server.has("args")).as("no command for the shim").isFalse();
    assertThat(kinds()).contains("Ingress/team-assistant", "PodDisruptionBudget/team-assistant");

    assertThat(run("-f", dir.toString())).isZero();
    assertThat(tokens.requests()).as("the recorder sees lookups made").hasSizeGreaterThan(before);
  }

  @Test
  void anUnreachableRegistryIsAWarningNamingTheFixAndRendersAsOffline() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    write("s.yaml", server("s", "127.0.0.1:" + closed + "/mcp/echo:1", ""));

    int exit = run("-f", dir.toString());

    assertThat(exit).isZero();
    assertThat(err())
        .contains(
            "(MCPServer default/s): cannot read the entrypoint of image 127.0.0.1:"
                + closed
                + "/mcp/echo:1 (RegistryUnreachable): cannot reach registry 127.0.0.1:"
                + closed
                + ": connection refused")
        .contains("set spec.command, or check that this machine can reach the registry")
        .contains("or pass --offline to skip registry lookups");
    assertThat(kinds()).contains("Deployment/s");
  }

  @Test
  void anImageTheRegistryDoesNotHoldIsAWarning() throws Exception {
    write("s.yaml", server("ghost", registry.address() + "/mcp/ghost:1", ""));

    assertThat(run("-f", dir.toString())).isZero();
    assertThat(err())
        .contains("(NotFound): " + registry.address() + "/mcp/ghost:1 was not found in registry")
        .contains("check spec.image and spec.tag");
  }

  @Test
  void aPrivateImageIsReadWithTheDockerConfigAndItsPullSecretsCannotBe() throws Exception {
    String image = locked.address() + "/private/srv:2";
    write("s.yaml", server("private", image, "imagePullSecrets: [{name: pull}]"));

    assertThat(run("-f", dir.toString(), "--docker-config", dir.resolve("none.json").toString()))
        .isEqualTo(RenderCommand.USAGE_ERROR);
    assertThat(err()).contains("--docker-config " + dir.resolve("none.json") + ": no such file");

    Path empty = Files.writeString(dir.resolve("empty.json"), "{\"auths\": {}}");
    assertThat(run("-f", dir.resolve("s.yaml").toString(), "--docker-config", empty.toString()))
        .isZero();
    assertThat(err())
        .contains("(Unauthorized): registry " + locked.address() + " refused to show")
        .contains("no credential for it in --docker-config " + empty)
        .contains("give render a credential for the registry with --docker-config FILE")
        .contains("render cannot read spec.imagePullSecrets");

    Path config =
        Files.writeString(
            dir.resolve("config.json"),
            "{\"auths\": {\"http://%s\": {\"auth\": \"%s\"}}}".formatted(locked.address(), PULLER));
    assertThat(run("-f", dir.resolve("s.yaml").toString(), "--docker-config=" + config)).isZero();
    assertThat(err()).isEmpty();
    assertThat(strings(container(object("Deployment", "private"), "server"), "args"))
        .containsExactly("/srv", "serve");
  }

  @Test
  void anImageWithoutEntrypointOrCmdIsInvalidInput() throws Exception {
    write("s.yaml", server("bare", registry.address() + "/mcp/bare:1", ""));

    assertThat(run("-f", dir.toString())).isEqualTo(RenderCommand.INVALID);
    assertThat(err())
        .contains(
            "render: error: "
                + dir.resolve("s.yaml")
                + ": document 1 (MCPServer default/bare): image "
                + registry.address()
                + "/mcp/bare:1 defines neither ENTRYPOINT nor CMD: set spec.command")
        .contains("nothing printed");
    assertThat(out()).isEmpty();
  }

  @Test
  void severalImagesAreReadAtTheSameTime() throws Exception {
    try (GatedProxy gate = new GatedProxy(registry, PARALLEL)) {
      StringBuilder manifests = new StringBuilder();
      for (int i = 0; i < PARALLEL; i++) {
        manifests
            .append(server("s" + i, gate.address() + "/mcp/parallel:p" + i, ""))
            .append("---\n");
      }
      write("s.yaml", manifests.toString());

      int exit = run("-f", dir.toString());

      assertThat(exit).as(err()).isZero();
      assertThat(err())
          .as("each manifest request waits until all %d are in flight", PARALLEL)
          .isEmpty();
      assertThat(strings(container(object("Deployment", "s3"), "server"), "args"))
          .containsExactly("mcp-server-postgres", "p3");
    }
  }

  /**
   * Forwards to a registry, but holds every manifest request for a tag {@code p<n>} until {@code
   * parties} of them are in flight at once (503 after 10 s): sequential lookups would all fail.
   */
  private static final class GatedProxy implements AutoCloseable {
    private final HttpServer server;
    private final LocalRegistry target;
    private final CountDownLatch gate;
    private final HttpClient http = HttpClient.newHttpClient();

    GatedProxy(LocalRegistry target, int parties) throws IOException {
      this.target = target;
      this.gate = new CountDownLatch(parties);
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/v2/", this::forward);
      server.start();
    }

    String address() {
      return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().toString();
      try {
        if (path.matches(".*/manifests/p[0-9]+")) {
          gate.countDown();
          if (!gate.await(10, TimeUnit.SECONDS)) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url(path))).GET();
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null) {
          request.header("Accept", accept);
        }
        HttpResponse<byte[]> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String header : List.of("Content-Type", "Docker-Content-Digest")) {
          response
              .headers()
              .firstValue(header)
              .ifPresent(v -> exchange.getResponseHeaders().add(header, v));
        }
        exchange.sendResponseHeaders(response.statusCode(), response.body().length);
        exchange.getResponseBody().write(response.body());
        exchange.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        exchange.close();
      }
    }

    @Override
    public void close() {
      server.stop(0);
      http.close();
    }
  }

  static String server(String name, String image, String extra) {
    return """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata: {name: %s}
        spec:
          image: "%s"
          %s
        """
        .formatted(name, image, extra);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return RenderCommand.run(
        List.of(args),
        InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The rendered objects, as JSON. */
  private List<JsonObject> objects() {
    List<JsonObject> objects = new ArrayList<>();
    Gson gson = new Gson();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out())) {
      if (document instanceof Map<?, ?> map) {
        objects.add(gson.toJsonTree(map).getAsJsonObject());
      }
    }
    return objects;
  }

  private List<String> kinds() {
    return objects().stream()
        .map(
            o ->
                o.get("kind").getAsString()
                    + "/"
                    + o.getAsJsonObject("metadata").get("name").getAsString())
        .collect(Collectors.toList());
  }

  private JsonObject object(String kind, String name) {
    return objects().stream()
        .filter(o -> o.get("kind").getAsString().equals(kind))
        .filter(o -> o.getAsJsonObject("metadata").get("name").getAsString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + out()));
  }

  static JsonObject container(JsonObject deployment, String name) {
    JsonArray containers =
        deployment
            .getAsJsonObject("spec")
            .getAsJsonObject("template")
            .getAsJsonObject("spec")
            .getAsJsonArray("containers");
    for (JsonElement c : containers) {
      if (name.equals(c.getAsJsonObject().get("name").getAsString())) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no container " + name + " in " + deployment);
  }

  static List<String> strings(JsonObject object, String field) {
    List<String> values = new ArrayList<>();
    if (object.get(field) instanceof JsonArray array) {
      array.forEach(e -> values.add(e.getAsString()));
    }
    return values;
  }
}
