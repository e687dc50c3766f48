package io.mcpoperator.operator.render;

import io.kubernetes.client.common.KubernetesObject;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.Conflict;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.desired.DesiredChildren;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.image.Entrypoints;
import io.mcpoperator.operator.image.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The children of the checked MCPServers, from the same pure functions the operator reconciles
 * with, after the same entrypoint lookup for stdio images without {@code spec.command}. An invalid
 * spec is an error; selected objects that are not served, a toolSelector that selects nothing among
 * the inputs and an entrypoint left unresolved are warnings.
 */
final class ServerRendering {
  private ServerRendering() {}

  private record Valid(Manifest manifest, McpServer server) {}

  static List<KubernetesObject> render(
      ManifestChecks.Checked checked,
      ChildSettings settings,
      ImageEntrypoints entrypoints,
      RenderProblems problems) {
    FileMembers members = new FileMembers();
    checked.members().forEach(members::add);
    Aggregator.Candidates candidates = members.candidates(problems);
    List<Valid> valid = new ArrayList<>();
    for (Manifest manifest : checked.servers()) {
      switch (SpecValidator.validated(McpServerParser.parse(manifest.json()), settings)) {
        case ParsedServer.Valid v -> valid.add(new Valid(manifest, v.server()));
        case ParsedServer.Invalid invalid -> problems.error(manifest.place(), invalid.message());
      }
    }
    Map<String, Resolution> resolved = entrypoints.read(imagesToRead(valid, problems));
    List<KubernetesObject> objects = new ArrayList<>();
    for (Valid v : valid) {
      Optional<McpServer> server =
          ServerEntrypoint.fill(v.manifest().place(), v.server(), entrypoints, resolved, problems);
      if (server.isEmpty()) {
        continue;
      }
      Aggregation aggregation = Aggregator.of(server.get(), candidates);
      warn(v.manifest(), server.get(), aggregation, problems);
      objects.addAll(DesiredChildren.of(server.get(), aggregation, settings).all());
    }
    return objects;
  }

  /** The images whose entrypoint is needed, in input order; a malformed reference is an error. */
  private static Set<String> imagesToRead(List<Valid> valid, RenderProblems problems) {
    Set<String> images = new LinkedHashSet<>();
    for (Valid v : valid) {
      if (Entrypoints.needed(v.server().spec())
          && ServerEntrypoint.checkReference(v.manifest().place(), v.server(), problems)) {
        images.add(v.server().spec().imageReference().orElseThrow());
      }
    }
    return images;
  }

  private static void warn(
      Manifest manifest, McpServer server, Aggregation aggregation, RenderProblems problems) {
    Stream.concat(
            aggregation.notReady().stream().map(Aggregation.NotReady::describe),
            aggregation.conflicts().stream().map(Conflict::describe))
        .forEach(problem -> problems.warning(manifest.place(), "does not serve " + problem));
    if (aggregation.selecting() && selectsNothing(aggregation)) {
      problems.warning(
          manifest.place(),
          "spec.toolSelector selects no MCPTool, MCPPrompt or MCPResource in the given inputs:"
              + " the server serves nothing until matching objects exist in namespace "
              + server.meta().namespace());
    }
  }

  private static boolean selectsNothing(Aggregation aggregation) {
    return aggregation.tools().isEmpty()
        && aggregation.prompts().isEmpty()
        && aggregation.resources().isEmpty()
        && aggregation.notReady().isEmpty()
        && aggregation.conflicts().isEmpty();
  }
}
