package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.testsupport.DocumentedCommands;
import io.mcpoperator.testsupport.ReadmeCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README.md's commands, run as a newcomer runs them: in a clean shell (no JAVA_HOME, a JDK 17 first
 * on PATH when the machine has one, as on Debian bookworm), from the repository root, against the
 * jars this build packaged.
 */
class ReadmeCommandsIT {
  private static final String PACKAGE = "./mvnw -B -DskipTests package && ";
  private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin");

  /** The shell lines of the README block marked {@code <!-- tested: name -->}. */
  static String block(String name) {
    return ReadmeCommand.marked(ProjectFiles.root(), name);
  }

  record Run(int exit, String stdout, String stderr) {}

  static Run cleanShell(String command, Map<String, String> extraEnv) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", command).directory(ProjectFiles.root().toFile());
    Map<String, String> env = pb.environment();
    String home = env.getOrDefault("HOME", "/root");
    env.clear();
    env.put("HOME", home);
    env.put("PATH", (Files.isDirectory(JDK17) ? JDK17 + ":" : "") + "/usr/local/bin:/usr/bin:/bin");
    env.putAll(extraEnv);
    Path out = Files.createTempFile("readme", ".out");
    Path err = Files.createTempFile("readme", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void mainJobPrintsOnlyTheYamlOfTheExamplesInACleanShell() throws Exception {
    String mainJob = block("main-job");
    assertThat(mainJob).as("the main job builds first").contains(PACKAGE);
    // This build has just packaged the jars; running the build again inside itself is not the
    // point.
    Run run = cleanShell(mainJob.replace(PACKAGE, ""), Map.of());

    assertThat(run.exit()).as("exit code; stderr:\n%s", run.stderr()).isZero();
    List<Map<String, Object>> docs = YamlTree.documents(run.stdout());
    assertThat(docs)
        .as("stdout is YAML documents only")
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d).containsKeys("apiVersion", "kind", "metadata"));
    assertThat(docs).extracting(d -> d.get("kind")).contains("Deployment", "Service");
  }

  @Test
  void noDocRunsAProgramWithJavaJarWhereItsLauncherFindsTheJdk() {
    DocumentedCommands docs = DocumentedCommands.in(ProjectFiles.root());

    assertThat(docs.markdownFiles()).contains(ProjectFiles.resolve("sidecar/README.md"));
    assertThat(docs.javaJarForms())
        .as(
            "java -jar runs the default java (17 on Debian): use the launcher the build makes,"
                + " e.g. sidecar/target/mcp-gateway/bin/mcp-gateway")
        .isEmpty();
  }

  @Test
  void everyDocumentedOperatorCommandUsesOptionsItsHelpNames() throws Exception {
    String launcher = "operator/target/mcp-operator/bin/mcp-operator";
    List<DocumentedCommands.Command> calls =
        DocumentedCommands.in(ProjectFiles.root()).invocations(launcher);
    assertThat(calls)
        .extracting(DocumentedCommands.Command::text)
        .contains(launcher + " render -f examples/");
    String help = cleanShell(launcher + " --help", Map.of()).stdout();
    String renderHelp = cleanShell(launcher + " render --help", Map.of()).stdout();
    assertThat(help).contains("Usage: mcp-operator");

    DocumentedCommands.assertOptionsNamed(
        calls, call -> call.text().contains(" render ") ? renderHelp : help);
  }

  @Test
  void quickStartRunsAsWrittenOnACluster() throws Exception {
    String kubeconfig = System.getenv().getOrDefault("MCP_TEST_KUBECONFIG", "");
    assumeTrue(
        !kubeconfig.isEmpty() && Files.isRegularFile(Path.of(kubeconfig)),
        "README quick start not run: set MCP_TEST_KUBECONFIG to the kubeconfig of a disposable"
            + " cluster (it installs CRDs, the operator and an example)");
    Run run = cleanShell("bash hack/quickstart.sh", Map.of("KUBECONFIG", kubeconfig));

    assertThat(run.exit()).as("stderr:\n%s", run.stderr()).isZero();
    assertThat(run.stdout()).contains("filesystem");
  }

  @Test
  void quickStartScriptRunsTheReadmeBlock() throws IOException {
    String script = Files.readString(ProjectFiles.resolve("hack/quickstart.sh"));

    assertThat(script).contains("<!-- tested: quick-start");
    assertThat(block("quick-start")).startsWith("kubectl apply -f crds/");
  }
}
