package io.mcpoperator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program's runnable directory ({@code target/<name>/}: {@code bin/<name>} and {@code lib/}),
 * copied away from the build and started as a user starts it: through {@code bin/<name>}, in a
 * clean environment (no JAVA_HOME) with a JDK 17 first on PATH when the machine has one.
 */
public final class AppDirectory {
  /** Debian bookworm's default JDK, too old for these programs. */
  public static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin");

  /** How a run ended. */
  public record Run(int exit, String out, String err) {}

  private final Path home;
  private final String name;

  private AppDirectory(Path home, String name) {
    this.home = home;
    this.name = name;
  }

  /** Copies {@code target/<name>/} of the module under test into a fresh temporary directory. */
  public static AppDirectory copyOf(String name) throws IOException {
    Path source = Path.of("target", name);
    if (!Files.isExecutable(source.resolve("bin").resolve(name))) {
      throw new IllegalStateException(source + "/bin/" + name + " missing: run the package phase");
    }
    Path home = Files.createTempDirectory("app-").resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      files.forEach(f -> copy(f, home.resolve(source.relativize(f).toString())));
    }
    return new AppDirectory(home, name);
  }

  /** Where the copy is. */
  public Path home() {
    return home;
  }

  /** Runs {@code bin/<name> args} from the copy's parent directory, with {@code env} added. */
  public Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("app-out", ".txt");
    Path err = Files.createTempFile("app-err", ".txt");
    try {
      Process p = start(env, out, err, args);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + name + " " + String.join(" ", args));
      }
      return new Run(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  /**
   * Starts {@code bin/<name> args} as {@link #run} does, its output going to {@code out} and {@code
   * err}; the caller stops it.
   */
  public Process start(Map<String, String> env, Path out, Path err, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve(name).toString()));
    command.addAll(List.of(args));
    return cleanStart(command, home.getParent(), env, out, err);
  }

  /**
   * Starts {@code command} in {@code dir} in a clean environment: HOME, a PATH with a JDK 17 first
   * (when installed) and no JAVA_HOME, plus {@code env}.
   */
  public static Process cleanStart(
      List<String> command, Path dir, Map<String, String> env, Path out, Path err)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = pb.environment();
    String userHome = environment.getOrDefault("HOME", "/root");
    environment.clear();
    environment.put("HOME", userHome);
    environment.put(
        "PATH", (Files.isDirectory(JDK17) ? JDK17 + ":" : "") + "/usr/local/bin:/usr/bin:/bin");
    environment.putAll(env);
    return pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
