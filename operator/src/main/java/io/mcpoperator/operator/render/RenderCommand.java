package io.mcpoperator.operator.render;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;
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

/**
 * {@code render -f <file-or-dir> [-f ...]}: prints, as a YAML stream, the objects the operator
 * would create for the MCPServers in those files. Other kinds are skipped. Invalid servers are
 * reported on {@code err} (exit code 1) while the valid ones are still printed.
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
    List<KubernetesObject> objects = new ArrayList<>();
    for (Path path : options.paths()) {
      try {
        for (Path file : ManifestReader.files(path)) {
          for (Manifest manifest : ManifestReader.read(file)) {
            failed |= !render(manifest, options, objects, err);
          }
        }
      } catch (IOException e) {
        err.println("render: " + e.getMessage());
        failed = true;
      }
    }
    if (!objects.isEmpty()) {
      out.print(Yaml.dumpAll(objects.iterator()));
      out.println();
    }
    out.flush();
    return failed ? 1 : 0;
  }

  private static boolean render(
      Manifest manifest, RenderOptions options, List<KubernetesObject> objects, PrintStream err) {
    if (!McpServer.KIND.equals(manifest.kind())
        || !manifest.apiVersion().startsWith("mcpoperator.io/")) {
      return true;
    }
    options.defaultNamespace(manifest.json());
    ParsedServer parsed =
        SpecValidator.validated(McpServerParser.parse(manifest.json()), options.settings());
    switch (parsed) {
      case ParsedServer.Valid valid -> {
        objects.addAll(DesiredChildren.of(valid.server(), options.settings()).all());
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
