package io.mcpoperator.operator.render;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.image.EntrypointLookup;
import io.mcpoperator.operator.image.RegistryClient;
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
        --offline             contact no registry: the entrypoints of stdio images without
                              spec.command are left unresolved (each server is listed on stderr)
        --docker-config FILE  registry credentials for those lookups, as docker login writes them
                              (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json if
                              present); spec.imagePullSecrets are in the cluster, not read
        --gateway-image IMG   gateway sidecar image (default: %s)
        --gateway-port PORT   gateway port inside the pod (default: %d)
        -h, --help            show this help
      Prints the children of every MCPServer as a YAML stream on stdout, and nothing else;
      errors, warnings and the objects of other kinds (skipped: apply them yourself) go to
      stderr, each with its file, document index and object.
      A stdio server without spec.command runs its image's ENTRYPOINT and CMD: render reads them
      from the image's registry (one request timeout each, images in parallel), as the operator
      does. A registry that cannot be reached, refuses or lacks the image is a warning: the server
      is rendered without the command (as with --offline), exit 0. An image that defines neither
      ENTRYPOINT nor CMD, or a malformed spec.image, is invalid input.
      Exit codes: 0 rendered (warnings included), 1 invalid input (nothing printed unless
        --keep-going), 2 usage error, 3 no MCPServer found in the given paths."""
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
    ImageEntrypoints entrypoints;
    try {
      entrypoints = entrypoints(options);
    } catch (IllegalArgumentException e) {
      err.println("render: " + e.getMessage());
      return USAGE_ERROR;
    }
    try {
      return render(options, entrypoints, in, out, err);
    } catch (RuntimeException e) {
      // a defect of render, not of the input: one line, no stack trace
      err.println("render: internal error (" + e + "); please report it with the input");
      return INVALID;
    }
  }

  private static ImageEntrypoints entrypoints(RenderOptions options) {
    if (options.offline()) {
      return ImageEntrypoints.unread();
    }
    return ImageEntrypoints.online(
        new EntrypointLookup(new RegistryClient()),
        DockerConfigFile.load(
            options.dockerConfig(),
            DockerConfigFile.defaultPath(System.getenv(), System.getProperty("user.home"))));
  }

  private static int render(
      RenderOptions options,
      ImageEntrypoints entrypoints,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    RenderProblems problems = new RenderProblems();
    RenderInputs.Inputs inputs = RenderInputs.read(options.paths(), in, problems);
    inputs.manifests().stream()
        .filter(RenderCommand::namespaced)
        .forEach(m -> options.defaultNamespace(m.json()));
    ManifestChecks.Checked checked =
        ManifestChecks.check(inputs.manifests(), CrdSchemas.embedded(), options.strict(), problems);
    List<KubernetesObject> objects =
        ServerRendering.render(checked, options.settings(), entrypoints, problems);
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
