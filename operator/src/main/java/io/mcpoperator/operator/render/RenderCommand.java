package io.mcpoperator.operator.render;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.Conflict;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.desired.DesiredChildren;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.render.ManifestReader.Manifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code render -f <file-or-dir> [-f ...]}: prints, as a YAML stream, the objects the operator
 * would create for the MCPServers in those files, serving the MCPTools, MCPPrompts and MCPResources
 * of those files that they select. Other kinds are skipped. Invalid servers are reported on {@code
 * err} (exit code 1) while the valid ones are still printed.
 */
public final class RenderCommand {
  static final String USAGE =
      """
      Usage: render -f <file-or-dir> [-f <file-or-dir> ...] [options]
        -f, --filename PATH   YAML file, or directory searched recursively for *.yaml / *.yml
        -n, --namespace NS    namespace of MCPServers that name none (default: default)
        --gateway-image IMG   gateway sidecar image (default: %s)
        --gateway-port PORT   gateway port inside the pod (default: %d)
      Prints the children of every MCPServer as a YAML stream; other kinds are ignored."""
          .formatted(ChildSettings.DEFAULT_GATEWAY_IMAGE, ChildSettings.DEFAULT_GATEWAY_PORT);

  private RenderCommand() {}

  /** Runs the command; returns the process exit code (0 ok, 1 invalid input, 2 usage error). */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    RenderOptions options;
    try {
      options = RenderOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("render: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(USAGE);
      return 0;
    }
    boolean failed = false;
    List<Manifest> manifests = new ArrayList<>();
    for (Path path : options.paths()) {
      try {
        for (Path file : ManifestReader.files(path)) {
          manifests.addAll(ManifestReader.read(file));
        }
      } catch (IOException e) {
        err.println("render: " + e.getMessage());
        failed = true;
      }
    }
    FileMembers members = new FileMembers();
    for (Manifest manifest : manifests) {
      options.defaultNamespace(manifest.json());
      members.add(manifest);
    }
    Aggregator.Candidates candidates = members.candidates();
    List<KubernetesObject> objects = new ArrayList<>();
    for (Manifest manifest : manifests) {
      failed |= !render(manifest, options, candidates, objects, err);
    }
    if (!objects.isEmpty()) {
      out.print(Yaml.dumpAll(objects.iterator()));
      out.println();
    }
    out.flush();
    return failed ? 1 : 0;
  }

  /** Selected objects that are not served: worth a warning, not a failure. */
  private static void warn(
      PrintStream err, Manifest manifest, McpServer server, Aggregation aggregation) {
    Stream.concat(
            aggregation.notReady().stream().map(Aggregation.NotReady::describe),
            aggregation.conflicts().stream().map(Conflict::describe))
        .forEach(
            problem ->
                err.println(
                    "render: %s: MCPServer %s does not serve %s"
                        .formatted(manifest.source(), server.meta().key(), problem)));
  }

  private static boolean render(
      Manifest manifest,
      RenderOptions options,
      Aggregator.Candidates candidates,
      List<KubernetesObject> objects,
      PrintStream err) {
    if (!McpServer.KIND.equals(manifest.kind())
        || !manifest.apiVersion().startsWith("mcpoperator.io/")) {
      return true;
    }
    ParsedServer parsed =
        SpecValidator.validated(McpServerParser.parse(manifest.json()), options.settings());
    switch (parsed) {
      case ParsedServer.Valid valid -> {
        Aggregation aggregation = Aggregator.of(valid.server(), candidates);
        warn(err, manifest, valid.server(), aggregation);
        objects.addAll(DesiredChildren.of(valid.server(), aggregation, options.settings()).all());
        return true;
      }
      case ParsedServer.Invalid invalid -> {
        err.println(
            "render: %s: MCPServer %s: %s"
                .formatted(manifest.source(), invalid.meta().key(), invalid.message()));
        return false;
      }
    }
  }
}
