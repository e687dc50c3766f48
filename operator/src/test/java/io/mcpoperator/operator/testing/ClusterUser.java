package io.mcpoperator.operator.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.CreateOptions;
import io.mcpoperator.operator.k8s.ResourceType;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.awaitility.Awaitility;

/** What a test does as "someone else": a user, kubectl, the Deployment controller. */
public class ClusterUser {

  public static final Duration WAIT = Duration.ofSeconds(20);

  private final ApiClient client;

  public ClusterUser(ApiClient client) {
    this.client = client;
  }

  public ApiClient client() {
    return client;
  }

  /** Creates an MCPServer with the given spec (JSON). */
  public JsonObject createServer(String namespace, String name, String specJson)
      throws ApiException {
    JsonObject server = new JsonObject();
    server.addProperty("apiVersion", ResourceType.MCP_SERVER.apiVersion());
    server.addProperty("kind", ResourceType.MCP_SERVER.kind());
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    metadata.addProperty("namespace", namespace);
    server.add("metadata", metadata);
    server.add("spec", JsonParser.parseString(specJson));
    return ResourceType.MCP_SERVER
        .api(client)
        .create(new DynamicKubernetesObject(server))
        .throwsApiException()
        .getObject()
        .getRaw();
  }

  /** Creates any object from YAML (apiVersion, kind, metadata with namespace, ...). */
  public JsonObject create(ResourceType type, String yaml) throws ApiException {
    Object tree =
        new org.yaml.snakeyaml.Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions()))
            .load(yaml);
    JsonObject object = new com.google.gson.Gson().toJsonTree(tree).getAsJsonObject();
    String namespace = object.getAsJsonObject("metadata").get("namespace").getAsString();
    return type.api(client)
        .create(namespace, new DynamicKubernetesObject(object), new CreateOptions())
        .throwsApiException()
        .getObject()
        .getRaw();
  }

  /** The object as stored, if it exists. */
  public Optional<JsonObject> get(ResourceType type, String namespace, String name) {
    KubernetesApiResponse<DynamicKubernetesObject> response = type.api(client).get(namespace, name);
    return response.isSuccess() ? Optional.of(response.getObject().getRaw()) : Optional.empty();
  }

  /** The object, waiting until it exists. */
  public JsonObject awaitObject(ResourceType type, String namespace, String name) {
    Awaitility.await().atMost(WAIT).until(() -> get(type, namespace, name).isPresent());
    return get(type, namespace, name).orElseThrow();
  }

  /** Edits an object the way kubectl edit does (read, change, PUT), retrying on conflicts. */
  public void edit(ResourceType type, String namespace, String name, Consumer<JsonObject> change) {
    Awaitility.await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> {
              JsonObject current = get(type, namespace, name).orElseThrow();
              change.accept(current);
              return type.api(client).update(new DynamicKubernetesObject(current)).isSuccess();
            });
  }

  public void delete(ResourceType type, String namespace, String name) {
    type.api(client).delete(namespace, name);
  }

  /** Plays the Deployment controller: reports replicas as ready. */
  public void reportDeploymentReady(String namespace, String name, int ready) {
    Awaitility.await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> {
              AppsV1Api apps = new AppsV1Api(client);
              V1Deployment deployment = apps.readNamespacedDeployment(name, namespace).execute();
              int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
              deployment.setStatus(
                  new V1DeploymentStatus()
                      .observedGeneration(deployment.getMetadata().getGeneration())
                      .replicas(replicas)
                      .updatedReplicas(replicas)
                      .readyReplicas(ready)
                      .availableReplicas(ready));
              apps.replaceNamespacedDeploymentStatus(name, namespace, deployment).execute();
              return true;
            });
  }

  public CoreV1Api core() {
    return new CoreV1Api(client);
  }

  /** The status of an MCPServer, or an empty object. */
  public JsonObject status(String namespace, String name) {
    return get(ResourceType.MCP_SERVER, namespace, name)
        .map(s -> s.has("status") ? s.getAsJsonObject("status") : new JsonObject())
        .orElseGet(JsonObject::new);
  }

  /** The phase of an MCPServer's status, or an empty string. */
  public String phase(String namespace, String name) {
    JsonObject status = status(namespace, name);
    return status.has("phase") ? status.get("phase").getAsString() : "";
  }
}
