package io.mcpoperator.operator.status;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import java.util.Optional;

/** The replica counts of an observed Deployment (all zero when there is none). */
record ReplicaCounts(
    boolean exists,
    int desired,
    int replicas,
    int updated,
    int ready,
    int available,
    boolean generationObserved) {

  static ReplicaCounts of(Optional<V1Deployment> deployment, int desired) {
    if (deployment.isEmpty()) {
      return new ReplicaCounts(false, desired, 0, 0, 0, 0, false);
    }
    V1Deployment d = deployment.get();
    V1DeploymentStatus s = d.getStatus() == null ? new V1DeploymentStatus() : d.getStatus();
    long generation = d.getMetadata() == null ? 0 : orZero(d.getMetadata().getGeneration());
    return new ReplicaCounts(
        true,
        desired,
        orZero(s.getReplicas()),
        orZero(s.getUpdatedReplicas()),
        orZero(s.getReadyReplicas()),
        orZero(s.getAvailableReplicas()),
        orZero(s.getObservedGeneration()) >= generation);
  }

  /**
   * The last rollout is complete: the Deployment controller has seen the current template, every
   * desired pod runs it and no pod of an older template is left.
   */
  boolean rolledOut() {
    return generationObserved && updated >= desired && replicas <= updated;
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

  private static long orZero(Long n) {
    return n == null ? 0 : n;
  }
}
