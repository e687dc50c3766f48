package io.mcpoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command README.md marks {@code <!-- tested: name -->} (followed by a {@code bash} block or a
 * code span), and how a test runs it as written: in a clean shell, then stops everything it started.
 */
public final class ReadmeCommand {
  private ReadmeCommand() {}

  /** The text of the command marked {@code <!-- tested: name -->} in {@code root}'s README.md. */
  public static String marked(Path root, String name) {
    return markedIn(root.resolve("README.md"), name);
  }

  /**
   * The text of the command (or fenced block of commands, in any language) marked {@code <!--
   * tested: name -->} in the Markdown file {@code markdown}.
   */
  public static String markedIn(Path markdown, String name) {
    String text;
    try {
      text = Files.readString(markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m =
        Pattern.compile(
                "<!-- tested: "
                    + Pattern.quote(name)
                    + "[ (][^>]*-->\\s*(?:```[a-z]*\\n(.*?)```|`([^`\\n]+)`)",
                Pattern.DOTALL)
            .matcher(text);
    assertThat(m.find())
        .as("%s has a command marked <!-- tested: %s -->", markdown.getFileName(), name)
        .isTrue();
    return (m.group(1) != null ? m.group(1) : m.group(2)).strip();
  }

  /**
   * The commands of a block marked {@code <!-- tested: name -->}: one per line, a trailing {@code #
   * comment} removed, backslash-continued lines joined.
   */
  public static List<String> linesIn(Path markdown, String name) {
    return java.util.Arrays.stream(markedIn(markdown, name).split("(?<!\\\\)\n"))
        .map(line -> line.replaceAll("\\\\\n\\s*", " ").replaceFirst("\\s+#\\s.*$", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** {@code documented} when nothing listens on it at 127.0.0.1, else a free port. */
  public static int documentedOrFree(int documented) {
    try (ServerSocket probe = new ServerSocket(documented, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException busy) {
      try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return free.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Starts {@code sh -c command} in {@code dir} in a clean environment (as {@link
   * AppDirectory#cleanStart}) whose PATH is {@code firstOnPath} (when given), then JDK 17's bin
   * (when installed), then the system's.
   */
  public static Process start(
      String command, Path dir, Path firstOnPath, Map<String, String> env, Path out, Path err)
      throws IOException {
    String path =
        (firstOnPath == null ? "" : firstOnPath + ":")
            + (Files.isDirectory(AppDirectory.JDK17) ? AppDirectory.JDK17 + ":" : "")
            + "/usr/local/bin:/usr/bin:/bin";
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("PATH", path);
    return AppDirectory.cleanStart(List.of("sh", "-c", command), dir, all, out, err);
  }

  /**
   * Stops {@code process} and every process it started (the launcher's shell starts java, which
   * starts npx, which starts node), children first, each by its PID.
   */
  public static void stopTree(Process process) throws InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList().reversed();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    for (ProcessHandle p : tree) {
      p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
      p.destroyForcibly();
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
