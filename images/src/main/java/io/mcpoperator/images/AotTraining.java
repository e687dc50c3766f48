package io.mcpoperator.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's JDK AOT cache (JEP 483/514/515), made as its Containerfile makes it: a training run
 * of the image's own entrypoint with {@code --aot-training}, here inside the image's file system
 * (its layers written to a directory with the file times the image has, since the JVM checks the
 * jars' size and time when it maps the cache) and as the image's user. Needs root; without it the
 * image is built without a cache and says so.
 */
final class AotTraining {

  private AotTraining() {}

  /** Why no training can run here, or empty when it can. */
  static String unavailableReason() {
    return ContainerProcess.supported()
        ? ""
        : "the AOT training run needs root and util-linux unshare (it runs inside the image's files)";
  }

  /** Runs the training of {@code spec} in {@code layers}; returns the cache file it wrote. */
  static Path train(ImageSpec spec, List<Layer> layers, Path work)
      throws IOException, InterruptedException {
    Path root = work.resolve("aot-root-" + spec.title());
    JavaRuntime.delete(root);
    materialize(layers, root);
    String output = "/tmp/" + spec.title() + ".aot";
    Map<String, String> env = new LinkedHashMap<>(ImageBuild.environment(spec));
    Path log = work.resolve("aot-training-" + spec.title() + ".log");
    ContainerProcess training =
        ContainerProcess.start(root, spec.user(), "/tmp", spec.trainingCommand(output), env, log);
    int exit = training.waitFor(600);
    Path cache = root.resolve(output.substring(1));
    if (exit != 0 || !Files.isRegularFile(cache)) {
      throw new IOException(
          "the AOT training run of "
              + spec.title()
              + " failed (exit "
              + exit
              + "): "
              + tail(training.output()));
    }
    return Files.move(
        cache, work.resolve(spec.title() + ".aot"), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Writes the layers' files below {@code root} with the modes and file times the image gives them.
   */
  static void materialize(List<Layer> layers, Path root) throws IOException {
    FileTime time = FileTime.from(ImageBuild.FILE_TIME);
    for (Layer layer : layers) {
      for (Layer.Entry entry : layer.entries()) {
        Path target = root.resolve(entry.target().substring(1));
        if (Files.isDirectory(entry.source())) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(entry.source(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(entry.mode())));
        Files.setLastModifiedTime(target, time);
      }
    }
  }

  static String rwx(String octal) {
    StringBuilder text = new StringBuilder();
    for (char digit : octal.toCharArray()) {
      int bits = digit - '0';
      text.append((bits & 4) != 0 ? 'r' : '-')
          .append((bits & 2) != 0 ? 'w' : '-')
          .append((bits & 1) != 0 ? 'x' : '-');
    }
    return text.toString();
  }

  private static String tail(String log) {
    String[] lines = log.strip().split("\n");
    return String.join(
        "\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
  }
}
