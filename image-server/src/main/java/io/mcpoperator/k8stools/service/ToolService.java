package io.mcpoperator.k8stools.service;

import io.mcpoperator.k8stools.command.CommandParser;
import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.command.ParsedCommand;
import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.command.ToolFailure;
import io.mcpoperator.k8stools.exec.CommandRunner;
import io.mcpoperator.k8stools.exec.ExecutionResult;
import io.mcpoperator.k8stools.exec.ExecutionSpec;
import io.mcpoperator.k8stools.exec.PrivateWorkDir;
import io.mcpoperator.k8stools.exec.ToolLocator;
import io.mcpoperator.k8stools.policy.Policy;
import io.mcpoperator.k8stools.policy.PolicyDecision;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out tool calls: parse, policy, namespace, kubeconfig, run, classify. */
public final class ToolService {
  private static final Logger LOG = LoggerFactory.getLogger(ToolService.class);

  /** What the caller reads where a command named its private working directory. */
  public static final String WORK_DIR = "<workdir>";

  private final Policy policy;
  private final ToolLocator locator;
  private final CommandRunner runner;
  private final ExecutionLimits limits;

  /**
   * Limits of every command.
   *
   * @param timeout how long a command may run
   * @param maxOutputChars how many characters of stdout (and of stderr) are kept
   * @param tempRoot where private work directories are created
   */
  public record ExecutionLimits(Duration timeout, int maxOutputChars, Path tempRoot) {}

  public ToolService(
      Policy policy, ToolLocator locator, CommandRunner runner, ExecutionLimits limits) {
    this.policy = policy;
    this.locator = locator;
    this.runner = runner;
    this.limits = limits;
  }

  public ToolResult execute(ToolRequest request) {
    long started = System.nanoTime();
    ToolResult result;
    try {
      result = run(request);
    } catch (ToolFailure failure) {
      result = ToolResult.failure(failure);
    } catch (IOException | RuntimeException e) {
      LOG.error("tool call failed unexpectedly", e);
      result =
          ToolResult.failure(
              new ToolFailure(
                  ErrorCode.INTERNAL_ERROR,
                  500,
                  "internal error while running "
                      + request.tool()
                      + "; the server log has the cause"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = ToolResult.failure(new ToolFailure(ErrorCode.INTERNAL_ERROR, 500, "interrupted"));
    }
    LOG.atInfo()
        .addKeyValue("tool", request.tool())
        .addKeyValue("success", result.success())
        .addKeyValue("exitCode", result.exitCode().orElse(null))
        .addKeyValue("errorCode", result.errorCode().map(Enum::name).orElse(null))
        .addKeyValue("durationMs", Duration.ofNanos(System.nanoTime() - started).toMillis())
        .log("tool call finished");
    return result;
  }

  private ToolResult run(ToolRequest request) throws IOException, InterruptedException {
    Tool tool =
        Tool.byName(request.tool())
            .orElseThrow(
                () ->
                    new ToolFailure(
                        ErrorCode.VALIDATION_ERROR,
                        404,
                        "unknown tool '" + request.tool() + "'; available: " + Tool.names()));
    ParsedCommand parsed = CommandParser.parse(tool, request.command());
    List<String> args = NamespaceOption.apply(tool, parsed.args(), request.namespace());
    PolicyDecision decision = policy.evaluate(tool, args);
    if (!decision.allowed()) {
      throw new ToolFailure(ErrorCode.VALIDATION_ERROR, 403, decision.message());
    }
    List<String> command = new ArrayList<>();
    command.add(executable(tool.binary()).toString());
    command.addAll(args);
    List<List<String>> filters = parsed.filters().stream().map(this::resolveFilter).toList();
    Optional<byte[]> kubeconfig = request.kubeconfig().map(KubeconfigDecoder::decode);
    try (PrivateWorkDir workDir = PrivateWorkDir.create(limits.tempRoot())) {
      Map<String, String> env =
          kubeconfig.isPresent()
              ? Map.of("KUBECONFIG", workDir.writeKubeconfig(kubeconfig.get()).toString())
              : Map.of();
      ExecutionResult result =
          runner.run(
              new ExecutionSpec(
                  command,
                  filters,
                  env,
                  workDir.path(),
                  limits.timeout(),
                  limits.maxOutputChars()));
      return ResultMapper.map(tool, shown(tool, result, workDir), limits);
    }
  }

  /**
   * The run as the caller sees it: the private directory's path (the command's working directory,
   * its kubeconfig's home) is the server's business, so it reads {@value #WORK_DIR}; the log keeps
   * what the command wrote.
   */
  private static ExecutionResult shown(Tool tool, ExecutionResult run, PrivateWorkDir workDir)
      throws IOException {
    ExecutionResult shown = run.hiding(workDir.spellings(), WORK_DIR);
    if (!shown.equals(run)) {
      LOG.atInfo()
          .addKeyValue("tool", tool.binary())
          .addKeyValue("workDir", workDir.path())
          .addKeyValue("stdout", run.stdout())
          .addKeyValue("stderr", run.stderr())
          .log(
              "the command's output named its private work directory; the caller sees " + WORK_DIR);
    }
    return shown;
  }

  private List<String> resolveFilter(List<String> stage) {
    List<String> argv = new ArrayList<>(stage);
    argv.set(0, executable(stage.getFirst()).toString());
    return argv;
  }

  private Path executable(String name) {
    Optional<Path> found = locator.find(name);
    if (found.isEmpty()) {
      LOG.atWarn()
          .addKeyValue("program", name)
          .addKeyValue("lookedIn", locator.describe(name))
          .log("program not installed");
      String kind = Tool.byName(name).isPresent() ? " CLI" : " program";
      throw new ToolFailure(
          ErrorCode.EXECUTION_ERROR,
          503,
          name + " is not installed on this server: the server's image lacks the " + name + kind);
    }
    return found.get();
  }
}
