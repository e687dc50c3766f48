package io.mcpoperator.k8stools.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory only this server's user can enter (0700), created per command as the working
 * directory and home of a per-request kubeconfig (0600). Closing it deletes it with everything in
 * it, whatever happened to the command.
 */
public final class PrivateWorkDir implements AutoCloseable {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path dir;

  private PrivateWorkDir(Path dir) {
    this.dir = dir;
  }

  /** Creates a new private directory under {@code root}. */
  public static PrivateWorkDir create(Path root) throws IOException {
    Files.createDirectories(root);
    Path dir =
        POSIX
            ? Files.createTempDirectory(root, "k8s-tools-", perms("rwx------"))
            : Files.createTempDirectory(root, "k8s-tools-");
    return new PrivateWorkDir(dir);
  }

  public Path path() {
    return dir;
  }

  /**
   * The ways a command can spell this directory's path: absolute, and with links resolved (what
   * {@code pwd -P} prints), longest first.
   */
  public List<String> spellings() throws IOException {
    String absolute = dir.toAbsolutePath().toString();
    String real = dir.toRealPath().toString();
    return real.equals(absolute)
        ? List.of(absolute)
        : Stream.of(absolute, real)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** Writes a kubeconfig readable only by this user and returns its path. */
  public Path writeKubeconfig(byte[] content) throws IOException {
    Path file = dir.resolve("kubeconfig");
    if (POSIX) {
      Files.createFile(file, perms("rw-------"));
    } else {
      Files.createFile(file);
    }
    Files.write(file, content);
    return file;
  }

  @Override
  public void close() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : paths) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete private work dir " + dir, e);
    }
  }

  private static FileAttribute<?> perms(String text) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(text));
  }
}
