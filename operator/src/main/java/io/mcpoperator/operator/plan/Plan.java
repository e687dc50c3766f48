package io.mcpoperator.operator.plan;

import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.desired.Children;
import io.mcpoperator.operator.status.ReconcileOutcome;
import io.mcpoperator.operator.status.StatusCalculator;
import io.mcpoperator.operator.status.StatusInput;
import java.time.Duration;
import java.util.Optional;

/** What one reconcile of an MCPServer does, decided by {@link Planner#plan} before any write. */
public sealed interface Plan permits Plan.Apply, Plan.Hold, Plan.Delete {

  /** True when the operator's finalizer must be added before anything else. */
  boolean addFinalizer();

  /**
   * Make the cluster hold {@code children}, then write {@link #status} of what that did: the status
   * depends on the apply (a refused child, a name conflict), so it is a second pure function.
   */
  record Apply(boolean addFinalizer, Children children, StatusInput statusInput) implements Plan {
    /** The status after an apply that ended in {@code applied}. */
    public McpServerStatus status(ReconcileOutcome applied) {
      return StatusCalculator.compute(statusInput.withOutcome(applied));
    }
  }

  /** Apply nothing (the children stay as they are) and write {@code status}. */
  record Hold(boolean addFinalizer, Why why, McpServerStatus status, String detail)
      implements Plan {

    /** Why nothing is applied. */
    public enum Why {
      /** The spec cannot be used; {@code detail} says what to fix. A spec change brings it back. */
      INVALID_SPEC,
      /** The image's entrypoint is being read; its answer brings the server back. */
      RESOLVING_IMAGE,
      /** The image's entrypoint cannot be read; asked again after a while. */
      IMAGE_UNRESOLVED,
      /**
       * {@code spec.registry} resolves to nothing runnable (the children that run stay as they are:
       * a registry outage changes nothing that runs); a change of the MCPRegistry brings the server
       * back, and it is looked at again after a while.
       */
      REGISTRY_UNRESOLVED,
      /**
       * A Secret or ConfigMap that {@code spec.auth} names is missing: the children stay as they
       * are (no gateway that cannot start is rolled out); looked at again after a while.
       */
      AUTH_UNRESOLVED
    }
  }

  /**
   * A server being deleted: write {@code status} (empty: nothing to do, the finalizer is not ours
   * to release), scale its Deployment to zero, and release the finalizer when {@code release} says
   * so, or look again after {@code recheckIn}.
   */
  record Delete(Optional<McpServerStatus> status, Release release, Duration recheckIn)
      implements Plan {

    @Override
    public boolean addFinalizer() {
      return false;
    }

    /** Whether the finalizer goes now. */
    public enum Release {
      /** The server does not carry the operator's finalizer. */
      NOT_HELD,
      /** Its pods are gone. */
      PODS_GONE,
      /** The deletion timeout passed with pods left. */
      TIMED_OUT,
      /** Pods are left and the timeout has not passed: look again after {@code recheckIn}. */
      WAIT
    }
  }
}
