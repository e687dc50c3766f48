package io.mcpoperator.operator.render;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;
import io.mcpoperator.operator.desired.ChildSettings;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code render -f <file-or-dir> [-f ...]}: prints, as a YAML stream, the objects the operator
 * would create for the MCPServers in those files, serving the MCPTools, MCPPrompts and MCPResources
 * of those files that they select. stdout carries only that YAML; every problem goes to stderr, all
 * of them in one run, each with its file, document index and object.
 */
public final class RenderCommand {
  static final int OK = 0;
  static final int INVALID = 1;
  static final int USAGE_ERROR = 2;
  static final int NOTHING_FOUND = 3;

  static final String USAGE =
      """
      Usage: render -f <file-or-dir> [-f <file-or-dir> ...] [options]
        -f, --filename PATH   YAML file, directory searched recursively for *.yaml / *.yml,
                              or - for stdin
        -n, --namespace NS    namespace of objects that name none (default: default)
        --strict              unknown fields (not in the CRD schema) are errors, not warnings
        --keep-going          print the valid servers' objects even when other input is invalid
        --gateway-image IMG   gateway sidecar image (default: %s)
        --gateway-port PORT   gateway port inside the pod (default: %d)
        -h, --help            show this help
      Prints the children of every MCPServer as a YAML stream on stdout, and nothing else;
      errors, warnings and the objects of other kinds (skipped: apply them yourself) go to
      stderr, each with its file, document index and object.
      Exit codes: 0 rendered, 1 invalid input (nothing printed unless --keep-going),
        2 usage error, 3 no MCPServer found in the given paths."""
          .formatted(ChildSettings.DEFAULT_GATEWAY_IMAGE, ChildSettings.DEFAULT_GATEWAY_PORT);

  private RenderCommand() {}

  /** Runs the command; returns the process exit code (see {@link #USAGE}). */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    RenderOptions options;
    try {
      options = RenderOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("render: " + e.getMessage());
      err.println(USAGE);
      return USAGE_ERROR;
    }
    if (options.help()) {
      out.println(USAGE);
      return OK;
    }
    try {
      return render(options, in, out, err);
    } catch (RuntimeException e) {
      // a defect of render, not of the input: one line, no stack trace
      err.println("render: internal error (" + e + "); please report it with the input");
      return INVALID;
    }
  }

  private static int render(
      RenderOptions options, InputStream in, PrintStream out, PrintStream err) {
    RenderProblems problems = new RenderProblems();
    RenderInputs.Inputs inputs = RenderInputs.read(options.paths(), in, problems);
    inputs.manifests().stream()
        .filter(RenderCommand::namespaced)
        .forEach(m -> options.defaultNamespace(m.json()));
    ManifestChecks.Checked checked =
        ManifestChecks.check(inputs.manifests(), CrdSchemas.embedded(), options.strict(), problems);
    List<KubernetesObject> objects = ServerRendering.render(checked, options.settings(), problems);
    problems.print(err);
    return finish(options, inputs, checked, objects, problems, out, err);
  }

  /**
   * The kinds render knows to be namespaced: its own and the Services that MCPTools call. Others (a
   * Namespace, a ClusterRole) keep the namespace they were given, or none.
   */
  private static boolean namespaced(Manifest manifest) {
    return CrdSchemas.inGroup(manifest.apiVersion())
        || ("v1".equals(manifest.apiVersion()) && "Service".equals(manifest.kind()));
  }

  private static int finish(
      RenderOptions options,
      RenderInputs.Inputs inputs,
      ManifestChecks.Checked checked,
      List<KubernetesObject> objects,
      RenderProblems problems,
      PrintStream out,
      PrintStream err) {
    long errors = problems.errors();
    if (errors > 0 && !options.keepGoing()) {
      err.printf(
          "render: %d error%s; nothing printed (--keep-going prints the valid servers)%n",
          errors, errors == 1 ? "" : "s");
      return INVALID;
    }
    if (errors == 0 && checked.servers().isEmpty()) {
      err.printf(
          "render: No MCPServer found in %s (%d object%s in %d file%s)%n",
          String.join(", ", options.paths()),
          inputs.manifests().size(),
          inputs.manifests().size() == 1 ? "" : "s",
          inputs.sources(),
          inputs.sources() == 1 ? "" : "s");
      return NOTHING_FOUND;
    }
    if (!objects.isEmpty()) {
      out.print(Yaml.dumpAll(objects.iterator()));
      out.println();
    }
    out.flush();
    if (errors > 0) {
      err.printf(
          "render: %d error%s; printed the objects of the valid servers (--keep-going)%n",
          errors, errors == 1 ? "" : "s");
      return INVALID;
    }
    return OK;
  }
}
