package io.mcpoperator.k8stools.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.k8stools.command.CommandParser;
import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.policy.PolicyLoader;
import io.mcpoperator.k8stools.service.ToolRequest;
import io.mcpoperator.k8stools.service.ToolResult;
import io.mcpoperator.k8stools.service.ToolService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client-only commands of the real kubectl; skipped when kubectl is not installed. */
class RealKubectlTest {
  @TempDir Path tmp;
  private ToolService service;

  @BeforeEach
  void setUp() {
    ToolLocator locator =
        new ToolLocator(
            ToolLocator.parsePath(System.getenv().getOrDefault("PATH", "/usr/bin")), Map.of());
    assumeTrue(
        locator.find("kubectl").isPresent(),
        "kubectl is not installed (apt-get install kubernetes-client): real-kubectl tests skipped");
    service =
        new ToolService(
            PolicyLoader.load(Optional.empty(), Optional.empty(), "", ""),
            locator,
            new CommandRunner(),
            new ToolService.ExecutionLimits(Duration.ofSeconds(60), 100_000, tmp));
  }

  @Test
  void clientVersion() {
    ToolResult result = run("kubectl version --client");
    assertThat(result.success()).as(result.toString()).isTrue();
    assertThat(result.output()).contains("Client Version");
  }

  @Test
  void dryRunRendersADeployment() {
    ToolResult result =
        run(
            "kubectl create deployment web --image=nginx --dry-run=client -o yaml | grep -E 'kind|image:'");
    assertThat(result.success()).as(result.toString()).isTrue();
    assertThat(result.output()).contains("kind: Deployment").contains("image: nginx");
  }

  @Test
  void dryRunJsonThroughJq() {
    assumeTrue(Path.of("/usr/bin/jq").toFile().canExecute(), "jq is not installed");
    ToolResult result =
        run(
            "kubectl create deployment web --image=nginx --dry-run=client -o json | jq -r .metadata.name");
    assertThat(result.output()).isEqualTo("web\n");
  }

  @Test
  void usesTheRequestKubeconfig() {
    String kubeconfig =
        java.util.Base64.getEncoder()
            .encodeToString(
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: from-request
                  cluster: {server: "https://127.0.0.1:1"}
                contexts:
                - name: ctx
                  context: {cluster: from-request, user: u}
                current-context: ctx
                users:
                - name: u
                  user: {token: abc}
                """
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ToolResult result =
        service.execute(
            new ToolRequest(
                "kubectl",
                "kubectl config view -o jsonpath={.clusters[0].name}",
                Optional.empty(),
                Optional.of(kubeconfig)));
    assertThat(result.output()).isEqualTo("from-request");
    assertThat(CommandParser.parse(Tool.KUBECTL, "kubectl config view").args())
        .containsExactly("config", "view");
  }

  private ToolResult run(String command) {
    return service.execute(new ToolRequest("kubectl", command, Optional.empty(), Optional.empty()));
  }
}
