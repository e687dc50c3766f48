package io.mcpoperator.k8stools.service;

import io.mcpoperator.k8stools.command.TextFilters;
import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.exec.CommandRunner;
import io.mcpoperator.k8stools.exec.ExecutionResult;
import io.mcpoperator.k8stools.exec.ExecutionSpec;
import io.mcpoperator.k8stools.exec.PrivateWorkDir;
import io.mcpoperator.k8stools.exec.ToolLocator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which CLIs and filters this server has, and the CLIs' client versions. Versions are asked once
 * (binaries do not change under a running server) with a short timeout.
 */
public final class ToolInventory {
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(15);

  private final ToolLocator locator;
  private final CommandRunner runner;
  private final Path tempRoot;
  private JsonObject status;

  public ToolInventory(ToolLocator locator, CommandRunner runner, Path tempRoot) {
    this.locator = locator;
    this.runner = runner;
    this.tempRoot = tempRoot;
  }

  /**
   * {@code {"tools": [{name, installed, path, version}], "filters": [{name, installed, path}]}}.
   */
  public synchronized JsonObject status() {
    if (status == null) {
      JsonArrayBuilder tools = Json.createArrayBuilder();
      for (Tool tool : Tool.values()) {
        JsonObjectBuilder entry = entry(tool.binary());
        locator
            .find(tool.binary())
            .flatMap(path -> version(path, tool))
            .ifPresent(v -> entry.add("version", v));
        tools.add(entry);
      }
      JsonArrayBuilder filters = Json.createArrayBuilder();
      TextFilters.names().stream().sorted().forEach(name -> filters.add(entry(name)));
      status = Json.createObjectBuilder().add("tools", tools).add("filters", filters).build();
    }
    return status;
  }

  private JsonObjectBuilder entry(String name) {
    Optional<Path> path = locator.find(name);
    JsonObjectBuilder entry =
        Json.createObjectBuilder().add("name", name).add("installed", path.isPresent());
    path.ifPresent(p -> entry.add("path", p.toString()));
    return entry;
  }

  private Optional<String> version(Path path, Tool tool) {
    try (PrivateWorkDir dir = PrivateWorkDir.create(tempRoot)) {
      List<String> argv = new java.util.ArrayList<>(List.of(path.toString()));
      argv.addAll(tool.versionArgs());
      ExecutionResult result =
          runner.run(
              new ExecutionSpec(argv, List.of(), Map.of(), dir.path(), VERSION_TIMEOUT, 4000));
      return result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
