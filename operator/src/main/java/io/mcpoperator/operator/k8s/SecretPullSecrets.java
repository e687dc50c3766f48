package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.mcpoperator.operator.image.PullSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads imagePullSecrets through the API ({@code get secrets} in the server's namespace), only when
 * an image's entrypoint must be read from a registry; never cached by an informer, never logged.
 */
public final class SecretPullSecrets implements PullSecrets {
  private final CoreV1Api core;

  public SecretPullSecrets(ApiClient client) {
    this.core = new CoreV1Api(client);
  }

  @Override
  public Loaded load(String namespace, List<String> names) {
    List<byte[]> configs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      String secret = "Secret " + namespace + "/" + name;
      try {
        V1Secret read = core.readNamespacedSecret(name, namespace).execute();
        Map<String, byte[]> data = read.getData() == null ? Map.of() : read.getData();
        byte[] config = data.getOrDefault(".dockerconfigjson", data.get(".dockercfg"));
        if (config == null) {
          problems.add(secret + " has no .dockerconfigjson");
        } else {
          configs.add(config);
        }
      } catch (ApiException e) {
        problems.add(
            switch (e.getCode()) {
              case 404 -> secret + " (spec.imagePullSecrets) does not exist";
              case 403 -> "the operator may not read " + secret + " (RBAC: get secrets)";
              default -> "cannot read " + secret + ": " + ApiErrors.describe(e);
            });
      }
    }
    return new Loaded(configs, problems);
  }
}
