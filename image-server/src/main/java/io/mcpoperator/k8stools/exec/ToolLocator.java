package io.mcpoperator.k8stools.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds executables: a configured path for a name wins, otherwise the first executable file of that
 * name on the search path.
 */
public record ToolLocator(List<Path> searchPath, Map<String, Path> configured) {

  public ToolLocator {
    searchPath = List.copyOf(searchPath);
    configured = Map.copyOf(configured);
  }

  /** Splits a PATH-style value into directories. */
  public static List<Path> parsePath(String path) {
    return java.util.Arrays.stream(path.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .toList();
  }

  public Optional<Path> find(String name) {
    Path fixed = configured.get(name);
    if (fixed != null) {
      return Files.isExecutable(fixed) ? Optional.of(fixed) : Optional.empty();
    }
    return searchPath.stream()
        .map(dir -> dir.resolve(name))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }

  /** Where {@code name} was looked for, for messages. */
  public String describe(String name) {
    Path fixed = configured.get(name);
    return fixed != null ? fixed.toString() : "PATH " + searchPath;
  }
}
