package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.ApiClient;
import io.mcpoperator.operator.Main;
import io.mcpoperator.operator.k8s.KubeClients;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.ClusterUser;
import io.mcpoperator.operator.testing.InJvmApiServer;
import io.mcpoperator.operator.testing.OperatorFixture;
import io.mcpoperator.operator.testing.RequestCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaderElectionIT {

  private final InJvmApiServer api = InJvmApiServer.start();
  private final RequestCounter requestsOfA = new RequestCounter();
  private final RequestCounter requestsOfB = new RequestCounter();
  private final Main.Running a = start("operator-a", requestsOfA);
  private final Main.Running b = start("operator-b", requestsOfB);

  @AfterEach
  void stop() {
    a.close();
    b.close();
    api.close();
  }

  @Test
  void onlyTheLeaderReconcilesAndTheStandbyTakesOverWhenItStops() throws Exception {
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> a.runtime().leading() || b.runtime().leading());
    Main.Running leader = a.runtime().leading() ? a : b;
    Main.Running standby = leader == a ? b : a;
    RequestCounter standbyRequests = standby == a ? requestsOfA : requestsOfB;
    assertThat(standby.runtime().leading()).isFalse();
    await().atMost(OperatorFixture.WAIT).until(() -> leader.runtime().ready());
    assertThat(standby.runtime().ready()).isTrue();

    ClusterUser user = new ClusterUser(api.client());
    user.createServer("team-a", "first", "{\"image\": \"example/one\", \"command\": [\"run\"]}");
    user.awaitObject(ResourceType.DEPLOYMENT, "team-a", "first");
    assertThat(standbyRequests.writesSince(0)).isEmpty();
    assertThat(standby.runtime().leading()).isFalse();

    leader.close();

    await().atMost(OperatorFixture.WAIT).until(() -> standby.runtime().leading());
    user.createServer("team-a", "second", "{\"image\": \"example/two\", \"command\": [\"run\"]}");
    user.awaitObject(ResourceType.DEPLOYMENT, "team-a", "second");
    assertThat(standbyRequests.writesSince(0)).isNotEmpty();
  }

  private Main.Running start(String identity, RequestCounter counter) {
    ApiClient client = api.client(counter);
    return Main.start(OperatorFixture.config(true, identity), new KubeClients(client, client));
  }
}
