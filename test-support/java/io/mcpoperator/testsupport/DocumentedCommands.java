package io.mcpoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commands the repository's Markdown files tell a user to type: launcher invocations ({@code
 * sidecar/target/mcp-gateway/bin/mcp-gateway --port 8090 ...}) and {@code java -jar} forms of the
 * three programs that the launchers replace.
 */
public final class DocumentedCommands {
  /** A command as written, with where it is written ({@code docs/image-server.md:11}). */
  public record Command(String where, String text) {
    /** The long options it names ({@code --port}), in order. */
    public List<String> longOptions() {
      List<String> options = new ArrayList<>();
      Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(text);
      while (m.find()) {
        options.add(m.group());
      }
      return options;
    }
  }

  private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git");
  private static final Pattern JAVA_JAR =
      Pattern.compile("java\\s+-jar\\s+\\S*(mcp-operator|mcp-gateway|mcp-k8s-server)\\.jar");

  private final Path root;

  private DocumentedCommands(Path root) {
    this.root = root;
  }

  /** The Markdown files under the repository root {@code root}. */
  public static DocumentedCommands in(Path root) {
    return new DocumentedCommands(root.toAbsolutePath().normalize());
  }

  /** Every Markdown file, outside build output and installed packages. */
  public List<Path> markdownFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".md"))
          .filter(f -> !skipped(root.relativize(f)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each line that runs {@code launcher} (a path relative to the root), from the launcher to the end
   * of its code span, its shell comment or its line.
   */
  public List<Command> invocations(String launcher) {
    Pattern call =
        Pattern.compile("(?<![\\w/.-])" + Pattern.quote(launcher) + "(?![\\w/.-])[^`#\\n]*");
    List<Command> found = new ArrayList<>();
    for (Path file : markdownFiles()) {
      List<String> lines = read(file).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = call.matcher(lines.get(i));
        while (m.find()) {
          found.add(new Command(where(file, i), m.group().strip()));
        }
      }
    }
    return found;
  }

  /**
   * Each {@code java -jar …/<program>.jar} in the docs (line breaks count as spaces): the default
   * {@code java} may be older than 21, which the launchers get past.
   */
  public List<Command> javaJarForms() {
    List<Command> found = new ArrayList<>();
    for (Path file : markdownFiles()) {
      String text = read(file);
      Matcher m = JAVA_JAR.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
        found.add(new Command(where(file, line), m.group().replaceAll("\\s+", " ")));
      }
    }
    return found;
  }

  private boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private String where(Path file, int index) {
    return root.relativize(file) + ":" + (index + 1);
  }

  /**
   * {@code launcher --help} run from {@code root} in a clean environment: its standard output
   * (fails unless it exits 0 within a minute).
   */
  public static String help(Path root, String launcher) throws Exception {
    Path out = Files.createTempFile("help-out", ".txt");
    Path err = Files.createTempFile("help-err", ".txt");
    try {
      Process help = AppDirectory.cleanStart(List.of(launcher, "--help"), root, Map.of(), out, err);
      assertThat(help.waitFor(60, TimeUnit.SECONDS)).as("%s --help exits", launcher).isTrue();
      assertThat(help.exitValue()).as("%s --help exit code", launcher).isZero();
      return Files.readString(out);
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  /** Fails unless every long option each of {@code calls} names appears in its usage text. */
  public static void assertOptionsNamed(List<Command> calls, Function<Command, String> usage) {
    assertThat(calls)
        .allSatisfy(
            call ->
                assertThat(call.longOptions())
                    .allSatisfy(
                        option ->
                            assertThat(usage.apply(call))
                                .as("%s: %s", call.where(), call.text())
                                .contains(option)));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
