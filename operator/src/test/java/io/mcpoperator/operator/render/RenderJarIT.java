package io.mcpoperator.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.mcpoperator.operator.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The packaged jar, run as a user runs it: {@code render -f examples/ | kubectl apply
 * --dry-run=client -f -}. Runs after {@code package} (failsafe), so it tests the jar's own logging
 * configuration and the CRD schemas embedded in it.
 */
class RenderJarIT {
  static final Path JAR = Path.of(System.getProperty("operator.jar", "target/mcp-operator.jar"));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static final int TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR).as("run after package: mvn verify").isRegularFile();
  }

  @Test
  void stdoutIsOnlyYamlDocumentsOfTheChildren() throws Exception {
    Run run = render(List.of(), "render", "-f", "../examples/");

    assertThat(run.exit()).as(run.stderr()).isZero();
    List<Object> documents = yamlDocuments(run.stdout());
    assertThat(documents).hasSizeGreaterThan(10).allSatisfy(RenderJarIT::isKubernetesObject);
    assertThat(run.stdout()).doesNotContain("|-INFO").doesNotContain("logback");
    assertThat(run.stderr()).doesNotContain("|-INFO").doesNotContain("render: error");
  }

  @Test
  void aBrokenOrVerboseLoggingConfigurationStillLeavesStdoutToYaml() throws Exception {
    Path broken = Files.writeString(dir.resolve("logback.xml"), "<configuration><appender");
    for (List<String> jvm :
        List.of(
            List.of("-Dlogback.configurationFile=" + broken),
            List.of("-Dlogback.debug=true"),
            List.of(
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.OnConsoleStatusListener"))) {
      Run run = render(jvm, "render", "-f", "../examples/");

      assertThat(run.exit()).as(jvm + ": " + run.stderr()).isZero();
      assertThat(yamlDocuments(run.stdout()))
          .as(jvm.toString())
          .allSatisfy(RenderJarIT::isKubernetesObject);
    }
  }

  @Test
  void helpAndVersionGoToStdoutWithExitZeroLikeTheOtherPrograms() throws Exception {
    Run help = render(List.of(), "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.stdout()).contains("Usage: mcp-operator").contains("--version");
    Run version = render(List.of(), "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.stdout().strip()).matches("mcp-operator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(render(List.of(), "-V").stdout()).isEqualTo(version.stdout());
  }

  @Test
  void noMcpServerExitsThreeWithNothingOnStdout() throws Exception {
    Run run = render(List.of(), "render", "-f", dir.toString());

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("No MCPServer found in " + dir);
  }

  @Test
  void theOutputPipedIntoKubectlApplyDryRunIsAccepted() throws Exception {
    assumeThat(hasKubectl())
        .as("kubectl is not on PATH (CI installs it): the kubectl pipe is not tried")
        .isTrue();
    List<String> lines = applyDryRun("render", "-f", "../examples/");

    assertThat(lines)
        .hasSize(yamlDocuments(render(List.of(), "render", "-f", "../examples/").stdout()).size())
        .allMatch(line -> line.endsWith(" created (dry run)"), "created (dry run)")
        .contains("deployment.apps/assistant created (dry run)");
  }

  @Test
  void theEarlierDesignsReadTheirEntrypointsFromTheRegistryAndApply() throws Exception {
    assumeThat(hasKubectl()).as("kubectl is not on PATH (CI installs it)").isTrue();
    LocalRegistry.assumeInstalled();
    try (LocalRegistry registry = LocalRegistry.start()) {
      EarlierDesignManifests.push(registry);
      Path manifests = Files.createDirectories(dir.resolve("manifests"));
      EarlierDesignManifests.write(manifests, registry.address(), registry.address());

      Run run = render(List.of(), "render", "-f", manifests.toString(), "-f", "../examples/");
      assertThat(run.exit()).as(run.stderr()).isZero();
      assertThat(run.stderr()).doesNotContain("warning:").doesNotContain("error:");
      assertThat(run.stdout())
          .as("the images' entrypoints, read from the registry")
          .contains("mcp-server-postgres")
          .contains("/app/index.js");

      List<String> lines = applyDryRun("render", "-f", manifests.toString(), "-f", "../examples/");
      assertThat(lines)
          .hasSize(yamlDocuments(run.stdout()).size())
          .allMatch(line -> line.endsWith(" created (dry run)"), "created (dry run)")
          .contains(
              "deployment.apps/postgres-server created (dry run)",
              "ingress.networking.k8s.io/team-assistant created (dry run)",
              "poddisruptionbudget.policy/team-assistant created (dry run)");

      Run offline = render(List.of(), "render", "-f", manifests.toString(), "--offline");
      assertThat(offline.exit()).as(offline.stderr()).isZero();
      assertThat(offline.stderr())
          .contains("(MCPServer default/postgres-server): entrypoint of image")
          .contains("(MCPServer default/team-assistant): entrypoint of image")
          .contains("left unresolved (--offline)");
      assertThat(offline.stdout()).doesNotContain("mcp-server-postgres");
    }
  }

  /** {@code java -jar … <args> | kubectl apply --dry-run=client -f -}: kubectl's output lines. */
  private List<String> applyDryRun(String... args) throws Exception {
    // kubectl maps every document's kind through discovery before it applies anything, even with
    // --dry-run=client, and GETs each object to choose create or patch: a loopback server answers
    // discovery and 404s. --validate=false because that server has no OpenAPI documents to
    // validate against (schema checks are kubectl's server-side business, not this test's).
    try (DiscoveryOnlyApiServer api = new DiscoveryOnlyApiServer()) {
      Path kubeconfig = kubeconfig(api.url());
      List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
      command.addAll(List.of(args));
      ProcessBuilder render =
          new ProcessBuilder(command).redirectError(dir.resolve("render.err").toFile());
      ProcessBuilder kubectl =
          new ProcessBuilder(
                  "kubectl",
                  "--kubeconfig",
                  kubeconfig.toString(),
                  "--cache-dir",
                  dir.resolve("cache").toString(),
                  "apply",
                  "--dry-run=client",
                  "--validate=false",
                  "-f",
                  "-")
              .redirectErrorStream(true);
      List<Process> pipeline = ProcessBuilder.startPipeline(List.of(render, kubectl));
      String applied =
          new String(pipeline.get(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      for (Process p : pipeline) {
        assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(pipeline.get(0).exitValue())
          .as(Files.readString(dir.resolve("render.err")))
          .isZero();
      assertThat(pipeline.get(1).exitValue()).as(applied).isZero();
      assertThat(api.requests()).allMatch(r -> r.startsWith("GET "), "only GETs");
      return applied.lines().toList();
    }
  }

  private Path kubeconfig(String server) throws IOException {
    return Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: local, cluster: {server: "%s"}}]
        contexts: [{name: local, context: {cluster: local, user: nobody, namespace: default}}]
        current-context: local
        users: [{name: nobody, user: {token: unused}}]
        """
            .formatted(server));
  }

  private record Run(int exit, String stdout, String stderr) {}

  private Run render(List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<Object> yamlDocuments(String text) {
    List<Object> documents = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(documents::add);
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static void isKubernetesObject(Object document) {
    assertThat(document).isInstanceOf(Map.class);
    Map<String, Object> object = (Map<String, Object>) document;
    assertThat(object).containsKeys("apiVersion", "kind", "metadata");
    assertThat((Map<String, Object>) object.get("metadata")).containsKeys("name", "namespace");
  }

  private static boolean hasKubectl() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
