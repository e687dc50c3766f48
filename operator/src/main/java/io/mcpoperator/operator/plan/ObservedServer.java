package io.mcpoperator.operator.plan;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Pod;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import io.mcpoperator.operator.status.AuthReadiness;
import io.mcpoperator.operator.status.Shadowed;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything one reconcile of an MCPServer decides from, read once before any decision: the server
 * (parsed and validated once), what it may aggregate, what the cluster holds for it, and the time.
 *
 * @param stored the MCPServer as read; the apply layer writes through it (finalizer, status)
 * @param server {@code stored} parsed and validated against the operator's settings
 * @param members the evaluated MCPTools, MCPPrompts and MCPResources of its namespace; none unless
 *     a live, valid server has a toolSelector
 * @param unreadableKinds why member kinds cannot be read (CRD missing or not listed yet), one
 *     sentence each, whether or not the server selects members: the plan decides what matters
 * @param image where reading the image's entrypoint stands, for a live stdio server without {@code
 *     spec.command}; empty for every other server
 * @param deployment its Deployment, if it has one
 * @param pods the pods its Deployment selects
 * @param shadowed what its gateway last reported as hidden by its upstream server, if known
 * @param now the time the conditions that change in this reconcile carry
 * @param registry where resolving {@code spec.registry} stands, for a live server that names a
 *     registry entry; empty for every other server
 * @param auth whether the Secret and ConfigMap {@code spec.auth} names exist, for a live server
 *     with a check; empty for every other server
 */
public record ObservedServer(
    JsonObject stored,
    ParsedServer server,
    Aggregator.Candidates members,
    List<String> unreadableKinds,
    Optional<Resolution> image,
    Optional<V1Deployment> deployment,
    List<V1Pod> pods,
    Optional<Shadowed> shadowed,
    OffsetDateTime now,
    Optional<EntryResolution> registry,
    Optional<AuthReadiness> auth) {

  public ObservedServer {
    unreadableKinds = List.copyOf(unreadableKinds);
    pods = List.copyOf(pods);
  }

  /** An observation without {@code spec.auth} readiness. */
  public ObservedServer(
      JsonObject stored,
      ParsedServer server,
      Aggregator.Candidates members,
      List<String> unreadableKinds,
      Optional<Resolution> image,
      Optional<V1Deployment> deployment,
      List<V1Pod> pods,
      Optional<Shadowed> shadowed,
      OffsetDateTime now,
      Optional<EntryResolution> registry) {
    this(
        stored,
        server,
        members,
        unreadableKinds,
        image,
        deployment,
        pods,
        shadowed,
        now,
        registry,
        Optional.empty());
  }

  /** An observation of a server that names no registry entry. */
  public ObservedServer(
      JsonObject stored,
      ParsedServer server,
      Aggregator.Candidates members,
      List<String> unreadableKinds,
      Optional<Resolution> image,
      Optional<V1Deployment> deployment,
      List<V1Pod> pods,
      Optional<Shadowed> shadowed,
      OffsetDateTime now) {
    this(
        stored,
        server,
        members,
        unreadableKinds,
        image,
        deployment,
        pods,
        shadowed,
        now,
        Optional.empty());
  }
}
