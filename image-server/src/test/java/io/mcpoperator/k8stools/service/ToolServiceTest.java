package io.mcpoperator.k8stools.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mcpoperator.k8stools.FakeClis;
import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.exec.CommandRunner;
import io.mcpoperator.k8stools.exec.Processes;
import io.mcpoperator.k8stools.exec.ToolLocator;
import io.mcpoperator.k8stools.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ToolServiceTest {
  @TempDir Path tmp;
  private Path work;
  private FakeClis fakes;
  private ToolService service;

  @BeforeEach
  void setUp() throws Exception {
    fakes = FakeClis.in(Files.createDirectory(tmp.resolve("bin")));
    work = Files.createDirectory(tmp.resolve("work"));
    service = service(Map.of(), 2, 100_000);
  }

  private ToolService service(Map<String, Path> configured, int timeoutSeconds, int maxChars) {
    return new ToolService(
        PolicyLoader.load(Optional.empty(), Optional.empty(), "", ""),
        new ToolLocator(fakes.searchPath(), configured),
        new CommandRunner(),
        new ToolService.ExecutionLimits(Duration.ofSeconds(timeoutSeconds), maxChars, work));
  }

  @Test
  void successReturnsOutputAndExitCode() {
    ToolResult result = call("kubectl", "kubectl args get pods", null, null);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo("[get]\n[pods]\n");
    assertThat(result.exitCode()).contains(0);
    assertThat(result.errorCode()).isEmpty();
    assertThat(result.httpStatus()).isEqualTo(200);
  }

  @Test
  void kubeconfigIsWrittenPrivatelyPassedAndDeleted() throws Exception {
    String b64 = KubeconfigDecoderTest.b64(KubeconfigDecoderTest.KUBECONFIG);
    ToolResult result = call("kubectl", "kubectl env", null, b64);
    assertThat(result.output())
        .contains("KUBECONFIG=<workdir>/kubeconfig", "PWD=<workdir>")
        .doesNotContain(work.toString())
        .contains("name: test-cluster")
        .contains("file-mode=600")
        .contains("dir-mode=700");
    assertThat(workDirEntries()).as("private dirs left behind").isZero();
  }

  @Test
  void withoutKubeconfigTheServersOwnAccessIsUsed() {
    ToolResult result = call("kubectl", "kubectl env", null, null);
    assertThat(result.output()).contains("KUBECONFIG=unset").doesNotContain(work.toString());
  }

  @Test
  void theCallerNeverReadsThePrivateDirectorysPathButTheLogDoes() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(ToolService.class);
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.INFO);
    try {
      String b64 = KubeconfigDecoderTest.b64(KubeconfigDecoderTest.KUBECONFIG);
      ToolResult failed = call("kubectl", "kubectl lost", null, b64);
      ToolResult warned = call("kubectl", "kubectl warn-dir", null, null);

      assertThat(failed.error())
          .contains("error: cannot load <workdir>/kubeconfig: permission denied");
      assertThat(warned.stderr()).contains("Warning: cache in <workdir>/.kube not writable\n");
      assertThat(log.list)
          .filteredOn(e -> e.getFormattedMessage().contains("named its private work directory"))
          .hasSize(2)
          .allSatisfy(
              e ->
                  assertThat(e.getKeyValuePairs().toString())
                      .contains(work.toString() + "/k8s-tools-"));
    } finally {
      logger.setLevel(null);
      logger.detachAppender(log);
    }
  }

  @Test
  void kubeconfigIsDeletedEvenWhenTheCommandTimesOut() throws Exception {
    String b64 = KubeconfigDecoderTest.b64(KubeconfigDecoderTest.KUBECONFIG);
    ToolResult result = call("kubectl", "kubectl hang", null, b64);
    assertThat(result.success()).isFalse();
    assertThat(result.errorCode()).contains(ErrorCode.TIMEOUT_ERROR);
    assertThat(result.httpStatus()).isEqualTo(504);
    assertThat(result.error())
        .hasValueSatisfying(e -> assertThat(e).contains("did not finish within 2 s"));
    assertThat(result.output()).isEqualTo("started\n");
    Path used = Path.of(Files.readString(fakes.file("hang.kubeconfig")).strip());
    assertThat(used.startsWith(work)).as("%s is under %s", used, work).isTrue();
    assertThat(used).doesNotExist();
    assertThat(workDirEntries()).isZero();
    long child = Long.parseLong(Files.readString(fakes.file("hang.child")).strip());
    assertThat(Processes.awaitGone(child)).isTrue();
  }

  @Test
  void namespaceBecomesAFlag() {
    assertThat(call("helm", "helm args list", "team-a", null).output())
        .isEqualTo("[list]\n[--namespace]\n[team-a]\n");
    assertThat(call("argocd", "argocd app list", "team-a", null).output())
        .isEqualTo("[app]\n[list]\n[--app-namespace]\n[team-a]\n");
  }

  @Test
  void failureCarriesStderrExitCodeAndPartialOutput() {
    ToolResult result = call("kubectl", "kubectl fail", null, null);
    assertThat(result.success()).isFalse();
    assertThat(result.exitCode()).contains(3);
    assertThat(result.error()).contains("something broke");
    assertThat(result.output()).isEqualTo("partial output\n");
    assertThat(result.errorCode()).contains(ErrorCode.EXECUTION_ERROR);
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(call("kubectl", "kubectl silent-fail", null, null).error())
        .contains("the command exited with code 4");
  }

  @Test
  void successfulCommandKeepsItsWarnings() {
    ToolResult result = call("kubectl", "kubectl warn", null, null);
    assertThat(result.success()).isTrue();
    assertThat(result.stderr()).contains("Warning: v1 thing is deprecated\n");
  }

  @Test
  void unauthorizedFromTheClusterIsAnAuthError() {
    ToolResult result = call("kubectl", "kubectl unauthorized", null, null);
    assertThat(result.errorCode()).contains(ErrorCode.AUTH_ERROR);
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("Unauthorized"));
  }

  @Test
  void hugeOutputIsCutAndMarked() {
    ToolResult result =
        service(Map.of(), 60, 500).execute(request("kubectl", "kubectl flood", null, null));
    assertThat(result.success()).isTrue();
    assertThat(result.truncated()).isTrue();
    assertThat(result.output())
        .startsWith("line 0 ")
        .endsWith("[output truncated at 500 characters]");
  }

  @Test
  void pipelineRunsThroughFilters() {
    ToolResult result = call("kubectl", "kubectl lines | sort | grep -c banana", null, null);
    assertThat(result.output()).isEqualTo("2\n");
  }

  @Test
  void eachRefusalHasItsOwnCodeAndStatus() {
    assertRefused(
        call("istioctl", "istioctl version", null, null),
        ErrorCode.EXECUTION_ERROR,
        503,
        "istioctl is not installed");
    assertRefused(
        call("oc", "oc get pods", null, null),
        ErrorCode.VALIDATION_ERROR,
        404,
        "unknown tool 'oc'");
    assertRefused(
        call("kubectl", "kubectl delete pod x", null, null),
        ErrorCode.VALIDATION_ERROR,
        403,
        "kubectl-delete");
    assertRefused(
        call("kubectl", "kubectl get pods; id", null, null),
        ErrorCode.VALIDATION_ERROR,
        400,
        "without a shell");
    assertRefused(
        call("kubectl", "kubectl get pods", "Bad_NS", null),
        ErrorCode.VALIDATION_ERROR,
        400,
        "namespace");
    assertRefused(
        call("kubectl", "kubectl get pods", null, "%%%"), ErrorCode.AUTH_ERROR, 400, "base64");
    ToolResult noJq =
        service(Map.of("jq", tmp.resolve("missing-jq")), 2, 1000)
            .execute(request("kubectl", "kubectl json | jq .items", null, null));
    assertRefused(noJq, ErrorCode.EXECUTION_ERROR, 503, "jq is not installed");
  }

  @Test
  void missingProgramIsNamedWithoutRevealingWhereTheServerLooked() {
    ToolResult cli = call("istioctl", "istioctl version", null, null);
    assertThat(cli.httpStatus()).isEqualTo(503);
    assertThat(cli.error())
        .contains(
            "istioctl is not installed on this server: the server's image lacks the istioctl CLI");
    ToolResult filter =
        service(Map.of("jq", tmp.resolve("missing-jq")), 2, 1000)
            .execute(request("kubectl", "kubectl json | jq .items", null, null));
    assertThat(filter.error())
        .contains("jq is not installed on this server: the server's image lacks the jq program");
    for (ToolResult result : new ToolResult[] {cli, filter}) {
      assertThat(result.error().orElseThrow())
          .doesNotContain("PATH")
          .doesNotContain(tmp.toString())
          .doesNotContain("/usr/bin")
          .doesNotContain("looked in");
    }
  }

  private static void assertRefused(ToolResult result, ErrorCode code, int status, String message) {
    assertThat(result.success()).isFalse();
    assertThat(result.errorCode()).contains(code);
    assertThat(result.httpStatus()).isEqualTo(status);
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains(message));
    assertThat(result.exitCode()).isEmpty();
  }

  private ToolResult call(String tool, String command, String namespace, String kubeconfig) {
    return service.execute(request(tool, command, namespace, kubeconfig));
  }

  private static ToolRequest request(
      String tool, String command, String namespace, String kubeconfig) {
    return new ToolRequest(
        tool, command, Optional.ofNullable(namespace), Optional.ofNullable(kubeconfig));
  }

  private long workDirEntries() throws Exception {
    try (Stream<Path> entries = Files.list(work)) {
      return entries.count();
    }
  }
}
