package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.LocalRegistry;
import io.mcpoperator.operator.testing.OperatorFixture;
import io.mcpoperator.operator.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stdio MCPServer with only an image: the operator reads the image's ENTRYPOINT/CMD from a real
 * registry on loopback and wraps it in the stdio shim.
 */
class ImageEntrypointIT {
  private static final String NS = "team-a";

  /** user "puller", password "s3cret" (bcrypt, cost 4). */
  private static final String HTPASSWD =
      "puller:$2b$04$XXQmbD6GbKL65asRfoakyeBEPFs/0slJew/hzb9bzBTacS2wXJqVK";

  private static final String PULLER_BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString("puller:s3cret".getBytes(StandardCharsets.UTF_8));

  private static LocalRegistry registry;
  private static LocalRegistry locked;
  private OperatorFixture fixture;

  @BeforeAll
  static void startRegistries() throws Exception {
    LocalRegistry.assumeInstalled();
    registry = LocalRegistry.start();
    TestImages.Image amd64 =
        TestImages.image(
            TestImages.OCI_MANIFEST, "amd64", List.of("echo-server"), List.of("--stdio"));
    TestImages.Image arm64 =
        TestImages.image(TestImages.OCI_MANIFEST, "arm64", List.of("wrong-arch"), List.of());
    registry.push(
        "mcp/echo",
        "1",
        TestImages.index(TestImages.OCI_INDEX, List.of("arm64", "amd64"), List.of(arm64, amd64)));
    locked = LocalRegistry.startWithBasicAuth(HTPASSWD, PULLER_BASIC);
    locked.push("private/srv", "2", TestImages.oci(List.of("/srv"), List.of("serve")));
  }

  @AfterAll
  static void stopRegistries() throws Exception {
    for (LocalRegistry r : new LocalRegistry[] {registry, locked}) {
      if (r != null) {
        r.close();
      }
    }
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aStdioServerWithOnlyAnImageRunsTheImagesEntrypointThroughTheShim() throws Exception {
    fixture = OperatorFixture.start();
    fixture.createServer(NS, "echo", "{\"image\": \"" + registry.address() + "/mcp/echo:1\"}");
    fixture.createServer(
        NS,
        "echo-args",
        "{\"image\": \""
            + registry.address()
            + "/mcp/echo\", \"tag\": \"1\","
            + " \"args\": [\"--verbose\"]}");

    JsonObject container =
        serverContainer(fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "echo"));
    assertThat(strings(container, "command"))
        .containsExactly("/bin/sh", "/opt/mcp-shim/stdio-shim.sh");
    assertThat(strings(container, "args")).containsExactly("echo-server", "--stdio");
    assertThat(container.get("image").getAsString()).isEqualTo(registry.address() + "/mcp/echo:1");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "True".equals(conditionStatus("echo", "ImageResolved")));
    JsonObject resolved = condition(fixture.status(NS, "echo"), "ImageResolved");
    assertThat(resolved.get("reason").getAsString()).isEqualTo("Resolved");
    assertThat(resolved.get("message").getAsString()).contains("mcp/echo:1 (sha256:");

    JsonObject withArgs =
        serverContainer(fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "echo-args"));
    assertThat(strings(withArgs, "args"))
        .as("spec.args replace the image's CMD, as in Kubernetes")
        .containsExactly("echo-server", "--verbose");
  }

  @Test
  void anImageTheRegistryDoesNotHoldFailsTheServerNamingTheFix() throws Exception {
    fixture = OperatorFixture.start();
    fixture.createServer(NS, "ghost", "{\"image\": \"" + registry.address() + "/mcp/ghost:1\"}");

    await().atMost(OperatorFixture.WAIT).until(() -> "Failed".equals(fixture.phase(NS, "ghost")));
    JsonObject status = fixture.status(NS, "ghost");
    JsonObject image = condition(status, "ImageResolved");
    assertThat(image.get("status").getAsString()).isEqualTo("False");
    assertThat(image.get("reason").getAsString()).isEqualTo("NotFound");
    assertThat(status.get("message").getAsString())
        .contains("was not found in registry " + registry.address())
        .contains("set spec.command");
    assertThat(condition(status, "Reconciled").get("reason").getAsString())
        .isEqualTo("ImageNotFound");
    assertThat(fixture.get(ResourceType.DEPLOYMENT, NS, "ghost")).isEmpty();
  }

  @Test
  void aPrivateImageIsReadWithTheCredentialOfItsImagePullSecret() throws Exception {
    fixture = OperatorFixture.start();
    String config =
        "{\"auths\": {\"%s\": {\"auth\": \"%s\"}}}"
            .formatted(
                locked.address(),
                Base64.getEncoder()
                    .encodeToString("puller:s3cret".getBytes(StandardCharsets.UTF_8)));
    new CoreV1Api(fixture.client())
        .createNamespacedSecret(
            NS,
            new V1Secret()
                .apiVersion("v1")
                .kind("Secret")
                .metadata(new V1ObjectMeta().name("pull").namespace(NS))
                .type("kubernetes.io/dockerconfigjson")
                .data(Map.of(".dockerconfigjson", config.getBytes(StandardCharsets.UTF_8))))
        .execute();
    String image = locked.address() + "/private/srv:2";
    fixture.createServer(
        NS,
        "private",
        "{\"image\": \"" + image + "\", \"imagePullSecrets\": [{\"name\": \"pull\"}]}");
    fixture.createServer(NS, "no-secret", "{\"image\": \"" + image + "\"}");

    JsonObject container =
        serverContainer(fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "private"));
    assertThat(strings(container, "args")).containsExactly("/srv", "serve");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "Failed".equals(fixture.phase(NS, "no-secret")));
    JsonObject refused = condition(fixture.status(NS, "no-secret"), "ImageResolved");
    assertThat(refused.get("reason").getAsString()).isEqualTo("Unauthorized");
    assertThat(refused.get("message").getAsString())
        .contains("no credential for it in spec.imagePullSecrets")
        .contains("set spec.command");
  }

  private String conditionStatus(String name, String type) {
    JsonObject status = fixture.status(NS, name);
    if (status == null || !status.has("conditions")) {
      return null;
    }
    for (JsonElement c : status.getAsJsonArray("conditions")) {
      if (type.equals(c.getAsJsonObject().get("type").getAsString())) {
        return c.getAsJsonObject().get("status").getAsString();
      }
    }
    return null;
  }

  private static JsonObject condition(JsonObject status, String type) {
    for (JsonElement c : status.getAsJsonArray("conditions")) {
      if (type.equals(c.getAsJsonObject().get("type").getAsString())) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no condition " + type + " in " + status);
  }

  private static JsonObject serverContainer(JsonObject deployment) {
    JsonArray containers =
        deployment
            .getAsJsonObject("spec")
            .getAsJsonObject("template")
            .getAsJsonObject("spec")
            .getAsJsonArray("containers");
    for (JsonElement c : containers) {
      if ("server".equals(c.getAsJsonObject().get("name").getAsString())) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no server container in " + deployment);
  }

  private static List<String> strings(JsonObject o, String field) {
    List<String> out = new ArrayList<>();
    o.getAsJsonArray(field).forEach(e -> out.add(e.getAsString()));
    return out;
  }
}
