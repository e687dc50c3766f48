package io.mcpoperator.operator.reconcile;

import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.image.ImageConfigs;
import io.mcpoperator.operator.k8s.AuthObjects;
import io.mcpoperator.operator.k8s.ChildApplier;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.EventRecorder;
import io.mcpoperator.operator.k8s.ServerWriter;
import io.mcpoperator.operator.k8s.ShadowProbes;
import io.mcpoperator.operator.k8s.StatusWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * What a reconcile reads from and writes through, plus the settings it applies, and the gateway
 * shadow probes and image entrypoints it reads (never waits for).
 */
public record ReconcileContext(
    ClusterCache cache,
    ChildApplier applier,
    ServerWriter writer,
    StatusWriter statusWriter,
    EventRecorder events,
    ChildSettings settings,
    Duration deletionTimeout,
    Clock clock,
    ShadowProbes probes,
    ImageConfigs images,
    RegistryResolver registries,
    AuthObjects auth) {}
