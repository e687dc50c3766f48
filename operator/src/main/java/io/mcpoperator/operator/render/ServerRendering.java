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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The children of the checked MCPServers, from the same pure functions the operator reconciles
 * with. An invalid spec is an error; selected objects that are not served, and a toolSelector that
 * selects nothing among the inputs, are warnings.
 */
final class ServerRendering {
  private ServerRendering() {}

  static List<KubernetesObject> render(
      ManifestChecks.Checked checked, ChildSettings settings, RenderProblems problems) {
    FileMembers members = new FileMembers();
    checked.members().forEach(members::add);
    Aggregator.Candidates candidates = members.candidates(problems);
    List<KubernetesObject> objects = new ArrayList<>();
    for (Manifest manifest : checked.servers()) {
      ParsedServer parsed =
          SpecValidator.validated(McpServerParser.parse(manifest.json()), settings);
      switch (parsed) {
        case ParsedServer.Valid valid -> {
          Aggregation aggregation = Aggregator.of(valid.server(), candidates);
          warn(manifest, valid.server(), aggregation, problems);
          objects.addAll(DesiredChildren.of(valid.server(), aggregation, settings).all());
        }
        case ParsedServer.Invalid invalid -> problems.error(manifest.place(), invalid.message());
      }
    }
    return objects;
  }

  private static void warn(
      Manifest manifest, McpServer server, Aggregation aggregation, RenderProblems problems) {
    Stream.concat(
            aggregation.notReady().stream().map(Aggregation.NotReady::describe),
            aggregation.conflicts().stream().map(Conflict::describe))
        .forEach(problem -> problems.warning(manifest.place(), "does not serve " + problem));
    if (io.mcpoperator.operator.image.Entrypoints.needed(server.spec())) {
      problems.warning(
          manifest.place(),
          "spec.command is not set: the operator reads the command from the image's registry"
              + " (ENTRYPOINT and CMD of "
              + server.spec().imageReference().orElse("the image")
              + "); render does not contact registries, so the rendered shim has no command"
              + " — set spec.command to render the exact Deployment");
    }
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
