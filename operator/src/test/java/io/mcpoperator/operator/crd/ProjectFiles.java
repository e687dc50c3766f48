package io.mcpoperator.operator.crd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the repository's API and install files, found from the module's working directory. */
public final class ProjectFiles {
  private static final Path ROOT = findRoot();

  private ProjectFiles() {}

  /** The repository root (the directory holding {@code crds/}). */
  public static Path root() {
    return ROOT;
  }

  static Path resolve(String relative) {
    return ROOT.resolve(relative);
  }

  /** Regular files under {@code dir} whose names end with {@code suffix}, sorted by path. */
  static List<Path> filesUnder(Path dir, String suffix) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CRD files of {@code dir} ({@code mcpoperator.io_<plural>.yaml}), sorted by name. */
  public static List<Path> crdFilesIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("mcpoperator\\.io_[a-z]+\\.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path findRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("crds")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root with crds/ above " + dir);
  }
}
