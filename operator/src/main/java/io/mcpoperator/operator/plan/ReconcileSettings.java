package io.mcpoperator.operator.plan;

import io.mcpoperator.operator.desired.ChildSettings;
import java.time.Duration;

/**
 * The operator settings a plan depends on.
 *
 * @param children what every server's children are built with
 * @param deletionTimeout how long a deleted server's finalizer waits for its pods to stop
 */
public record ReconcileSettings(ChildSettings children, Duration deletionTimeout) {}
