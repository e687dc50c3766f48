package io.mcpoperator.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InJvmApiServerIT {

  private final InJvmApiServer server = InJvmApiServer.start();
  private final ApiClient client = server.client();
  private final SharedInformerFactory factory = new SharedInformerFactory(client);

  @AfterEach
  void stop() {
    factory.stopAllRegisteredInformers();
    server.close();
  }

  @Test
  void informerSeesCreatesUpdatesAndDeletesThroughTheWatchBridge() throws Exception {
    CoreV1Api core = new CoreV1Api(client);
    core.createNamespacedConfigMap("ns", configMap("before-informer", "1")).execute();
    SharedIndexInformer<V1ConfigMap> informer =
        factory.sharedIndexInformerFor(
            new GenericKubernetesApi<>(
                V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client),
            V1ConfigMap.class,
            0);
    factory.startAllRegisteredInformers();
    await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
    assertThat(informer.getIndexer().getByKey("ns/before-informer")).isNotNull();

    core.createNamespacedConfigMap("ns", configMap("after", "1")).execute();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> informer.getIndexer().getByKey("ns/after") != null);

    V1ConfigMap current = core.readNamespacedConfigMap("after", "ns").execute();
    current.setData(Map.of("k", "2"));
    core.replaceNamespacedConfigMap("after", "ns", current).execute();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "2".equals(informer.getIndexer().getByKey("ns/after").getData().get("k")));

    core.deleteNamespacedConfigMap("after", "ns").execute();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> informer.getIndexer().getByKey("ns/after") == null);
  }

  @Test
  void missingObjectsAnswerWithAStatusTheClientUnderstands() {
    CoreV1Api core = new CoreV1Api(client);
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                io.kubernetes.client.openapi.ApiException.class,
                () -> core.readNamespacedConfigMap("absent", "ns").execute()))
        .extracting(io.kubernetes.client.openapi.ApiException::getCode)
        .isEqualTo(404);
  }

  private static V1ConfigMap configMap(String name, String value) {
    return new V1ConfigMap()
        .metadata(new V1ObjectMeta().name(name).namespace("ns"))
        .data(Map.of("k", value));
  }
}
