package io.mcpoperator.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which files go in which layer, ordered from the least to the most often changed, so a new build
 * of the application re-sends only its last layer: the shared runtime (the same digest in all three
 * images), host tools, release dependencies, snapshot dependencies (the project's own modules),
 * then the application jar and its JVM options.
 */
final class LayerPlan {

  static final String JAVA_HOME = "/opt/java/openjdk";
  static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

  private LayerPlan() {}

  /**
   * The runtime layer: the linked JRE at {@link #JAVA_HOME}, the shared libraries it needs at the
   * paths the build machine's loader found them, {@code /etc} basics, the CA bundle (for the CLIs;
   * Java has its own cacerts) and a world-writable {@code /tmp}.
   *
   * @param baseFiles image path → staged file holding its content (see {@link BaseFiles})
   */
  static Layer runtime(
      Path jre,
      Collection<Path> nativeLibraries,
      Map<String, Path> baseFiles,
      Path caBundle,
      Path emptyDir)
      throws IOException {
    List<Layer.Entry> entries = new ArrayList<>(tree(jre, JAVA_HOME));
    nativeLibraries.stream()
        .sorted()
        .forEach(lib -> entries.add(new Layer.Entry(lib, lib.toString(), "755")));
    baseFiles.forEach((target, source) -> entries.add(new Layer.Entry(source, target, "644")));
    if (caBundle != null && Files.isRegularFile(caBundle)) {
      entries.add(new Layer.Entry(caBundle, CA_BUNDLE, "644"));
    }
    entries.add(new Layer.Entry(emptyDir, "/tmp", "777"));
    return new Layer("runtime", entries);
  }

  /**
   * Host programs at {@code /usr/local/bin}, with the shared libraries they need that the runtime
   * layer does not already hold.
   */
  static Layer tools(List<Path> tools, Collection<Path> libraries, Collection<Path> inRuntime) {
    List<Layer.Entry> entries = new ArrayList<>();
    for (Path tool : tools) {
      entries.add(new Layer.Entry(tool, "/usr/local/bin/" + tool.getFileName(), "755"));
    }
    libraries.stream()
        .filter(lib -> !inRuntime.contains(lib))
        .sorted()
        .forEach(lib -> entries.add(new Layer.Entry(lib, lib.toString(), "755")));
    return new Layer("tools", entries);
  }

  /**
   * The application's layers: release dependencies, snapshot dependencies, and the jar with its JVM
   * options, all below {@link ImageSpec#appDir()} (the jar's Class-Path names {@code libs/}).
   */
  static List<Layer> application(ImageSpec spec) throws IOException {
    List<Layer.Entry> releases = new ArrayList<>();
    List<Layer.Entry> snapshots = new ArrayList<>();
    for (Path lib : files(spec.libs())) {
      Layer.Entry entry = new Layer.Entry(lib, spec.appDir() + "/libs/" + lib.getFileName(), "644");
      (lib.getFileName().toString().contains("-SNAPSHOT") ? snapshots : releases).add(entry);
    }
    List<Layer.Entry> app = new ArrayList<>();
    app.add(new Layer.Entry(spec.jar(), spec.appDir() + "/" + spec.jar().getFileName(), "644"));
    if (spec.jvmOptions() != null) {
      app.add(new Layer.Entry(spec.jvmOptions(), spec.appDir() + "/jvm.options", "644"));
    }
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer("dependencies", releases));
    if (!snapshots.isEmpty()) {
      layers.add(new Layer("snapshot-dependencies", snapshots));
    }
    layers.add(new Layer("application", app));
    return layers;
  }

  /** Every regular file below {@code dir} at the same relative path below {@code target}. */
  static List<Layer.Entry> tree(Path dir, String target) throws IOException {
    List<Layer.Entry> entries = new ArrayList<>();
    for (Path file : files(dir)) {
      String relative = dir.relativize(file).toString().replace('\\', '/');
      entries.add(
          new Layer.Entry(file, target + "/" + relative, Files.isExecutable(file) ? "755" : "644"));
    }
    return entries;
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          dir + " is not a directory (build the applications first: ./mvnw package)");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
