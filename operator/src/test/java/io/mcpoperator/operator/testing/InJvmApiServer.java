package io.mcpoperator.operator.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

/**
 * fabric8's mock Kubernetes API server in CRUD mode, on 127.0.0.1, plus client-java {@link
 * ApiClient}s adapted to it (see {@link MockApiCompatibility}). Each client counts its requests.
 */
public final class InJvmApiServer implements AutoCloseable {

  private final KubernetesMockServer server;
  private final WatchBridge watches = new WatchBridge();
  private final InstalledCrds crds = new InstalledCrds();

  private InJvmApiServer(KubernetesMockServer server) {
    this.server = server;
  }

  /** Starts a fresh, empty API server. */
  public static InJvmApiServer start() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    return new InJvmApiServer(server);
  }

  /** Base URL, e.g. {@code http://127.0.0.1:39999}. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A client whose requests are also recorded by {@code counter}. */
  public ApiClient client(RequestCounter counter) {
    ApiClient client = new ClientBuilder().setBasePath(url()).setVerifyingSsl(false).build();
    client.setHttpClient(
        client
            .getHttpClient()
            .newBuilder()
            .readTimeout(Duration.ZERO)
            .addInterceptor(counter)
            .addInterceptor(new MockApiCompatibility(watches, crds))
            .build());
    return client;
  }

  /** The operator's CRDs this server serves (all four unless a test removes some). */
  public InstalledCrds crds() {
    return crds;
  }

  /** A client for the test's own reads and writes. */
  public ApiClient client() {
    return client(new RequestCounter());
  }

  @Override
  public void close() {
    watches.closeAll();
    server.destroy();
  }
}
