package io.mcpoperator.operator.k8s;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.mcpoperator.operator.config.OperatorConfig;

/**
 * Campaigns for a {@code coordination.k8s.io} Lease; runs a callback while this instance holds it
 * and releases it on close, so a standby takes over without waiting for the lease to expire.
 */
public final class LeaderElection implements AutoCloseable {

  private final LeaderElector elector;
  private volatile Thread thread;

  public LeaderElection(ApiClient client, OperatorConfig.LeaderElectionConfig config) {
    this.elector =
        new LeaderElector(
            new LeaderElectionConfig(
                new LeaseLock(
                    config.leaseNamespace(), config.leaseName(), config.identity(), client),
                config.leaseDuration(),
                config.renewDeadline(),
                config.retryPeriod()));
  }

  /**
   * Campaigns in the background: {@code onLead} when elected, {@code onLoss} when the lease goes.
   */
  public void start(Runnable onLead, Runnable onLoss) {
    thread = Thread.ofVirtual().name("leader-election").start(() -> elector.run(onLead, onLoss));
  }

  /** True while campaigning or leading. */
  public boolean campaigning() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  @Override
  public void close() {
    elector.close();
  }
}
