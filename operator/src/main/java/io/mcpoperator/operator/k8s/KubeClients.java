package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's two API clients, from the kubeconfig ({@code KUBECONFIG} or {@code
 * ~/.kube/config}) or the in-cluster service account: one with timeouts for calls, one without a
 * read timeout for informers' long-running watches.
 */
public record KubeClients(ApiClient calls, ApiClient watches) {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  /** Thrown when no cluster is configured or reachable; the message says what to do. */
  public static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unreachable(String message) {
      super(message);
    }
  }

  /** Builds clients the way kubectl finds its cluster, then checks the API server answers. */
  public static KubeClients connect(Map<String, String> env) throws Unreachable {
    KubeClients clients = new KubeClients(build(env, CALL_TIMEOUT), build(env, Duration.ZERO));
    clients.checkReachable();
    return clients;
  }

  /** A cheap call ({@code /version}) so that a wrong or missing cluster fails fast and clearly. */
  public void checkReachable() throws Unreachable {
    try {
      new VersionApi(calls).getCode().execute();
    } catch (ApiException e) {
      throw new Unreachable(
          "cannot reach the Kubernetes API server at "
              + calls.getBasePath()
              + ": "
              + (e.getCode() == 0 ? rootMessage(e) : "HTTP " + e.getCode())
              + " (check KUBECONFIG / the current context, or run in a cluster)");
    }
  }

  private static ApiClient build(Map<String, String> env, Duration readTimeout) throws Unreachable {
    ApiClient client;
    try {
      Optional<Path> kubeconfig = kubeconfig(env);
      if (kubeconfig.isPresent() && !Files.isReadable(kubeconfig.get())) {
        throw new Unreachable(
            "KUBECONFIG names " + kubeconfig.get() + ", which does not exist or cannot be read");
      }
      if (kubeconfig.isPresent()) {
        try (Reader reader = Files.newBufferedReader(kubeconfig.get())) {
          KubeConfig config = KubeConfig.loadKubeConfig(reader);
          config.setFile(kubeconfig.get().toFile());
          client = ClientBuilder.kubeconfig(config).build();
        }
      } else if (env.containsKey("KUBERNETES_SERVICE_HOST")) {
        client = ClientBuilder.cluster().build();
      } else {
        throw new Unreachable(
            "no Kubernetes cluster configured: set KUBECONFIG, create ~/.kube/config,"
                + " or run the operator inside a cluster");
      }
    } catch (IOException | RuntimeException e) {
      throw new Unreachable("cannot load the cluster configuration: " + rootMessage(e));
    }
    client.setHttpClient(
        client
            .getHttpClient()
            .newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(readTimeout)
            .build());
    return client;
  }

  private static Optional<Path> kubeconfig(Map<String, String> env) {
    String list = env.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      return Optional.of(Path.of(list.split(java.io.File.pathSeparator)[0]));
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    return Files.isReadable(home) ? Optional.of(home) : Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
