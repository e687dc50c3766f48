package io.mcpoperator.operator.testing;

import io.kubernetes.client.openapi.ApiClient;
import io.mcpoperator.operator.Main;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.k8s.KubeClients;
import java.time.Duration;
import java.util.List;

/**
 * An in-JVM API server with the operator running against it, plus the reads and writes a test makes
 * as "someone else" (a user, kubectl, the Deployment controller).
 */
public final class OperatorFixture extends ClusterUser implements AutoCloseable {

  private final InJvmApiServer api;
  private final RequestCounter operatorRequests = new RequestCounter();
  private final Main.Running operator;

  private OperatorFixture(InJvmApiServer api, OperatorConfig config) {
    super(api.client());
    this.api = api;
    ApiClient operatorClient = api.client(operatorRequests);
    this.operator = Main.start(config, new KubeClients(operatorClient, operatorClient));
  }

  /** A fresh API server with one operator (no leader election), resyncing every second. */
  public static OperatorFixture start() {
    return start(config(false, "operator-1"));
  }

  /** A fresh API server with one operator configured by {@code config}. */
  public static OperatorFixture start(OperatorConfig config) {
    return new OperatorFixture(InJvmApiServer.start(), config);
  }

  /**
   * A fresh API server with only some of the operator's CRDs installed ({@code crds} removes the
   * others before the operator starts), and one operator configured by {@code config}.
   */
  public static OperatorFixture start(
      OperatorConfig config, java.util.function.Consumer<InstalledCrds> crds) {
    InJvmApiServer api = InJvmApiServer.start();
    crds.accept(api.crds());
    return new OperatorFixture(api, config);
  }

  /** The CRDs the API server serves; a test may install or remove some while the operator runs. */
  public InstalledCrds crds() {
    return api.crds();
  }

  /** Operator settings for tests: loopback health server on a free port, one-second resync. */
  public static OperatorConfig config(boolean leaderElection, String identity) {
    return new OperatorConfig(
        ChildSettings.defaults(),
        List.of(),
        new OperatorConfig.LeaderElectionConfig(
            leaderElection,
            "mcp-operator-leader",
            "default",
            identity,
            Duration.ofSeconds(3),
            Duration.ofSeconds(2),
            Duration.ofMillis(300)),
        "127.0.0.1",
        0,
        Duration.ofSeconds(60),
        Duration.ofSeconds(1),
        2);
  }

  public Main.Running operator() {
    return operator;
  }

  public RequestCounter operatorRequests() {
    return operatorRequests;
  }

  @Override
  public void close() {
    operator.close();
    api.close();
  }
}
