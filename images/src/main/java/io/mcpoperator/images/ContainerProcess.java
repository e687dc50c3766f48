package io.mcpoperator.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An unpacked image's entrypoint run the way a container runtime runs it, without one: in its own
 * mount and PID namespaces, with {@code /proc} and {@code /dev} mounted, the image's root as {@code
 * /}, its working directory, numeric user and environment only (nothing from the host). The network
 * is the host's, so the test reaches it on 127.0.0.1. Needs root (CI runs as root).
 */
final class ContainerProcess implements AutoCloseable {

  /** Sets up the namespace's mounts with the host's tools, then enters the image. */
  private static final String ENTER =
      "r=$0; u=$1; g=$2; w=$3; shift 3;"
          + " /bin/mount --rbind /dev \"$r/dev\" && /bin/mount -t proc proc \"$r/proc\""
          + " && exec /usr/bin/unshare --root=\"$r\" --wd=\"$w\" --setgid \"$g\" --setuid \"$u\" \"$@\"";

  private final Process process;
  private final Path log;

  private ContainerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** True when this machine can run images this way (root, Linux, util-linux unshare). */
  static boolean supported() {
    return "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/unshare"))
        && Files.isExecutable(Path.of("/bin/mount"));
  }

  /**
   * Starts {@code command} (entrypoint + arguments) in {@code root} as {@code user} ("uid:gid") in
   * {@code workdir} with exactly {@code env}; output goes to {@code log}.
   */
  static ContainerProcess start(
      Path root,
      String user,
      String workdir,
      List<String> command,
      Map<String, String> env,
      Path log)
      throws IOException {
    Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("dev"));
    String[] ids = user.split(":");
    List<String> argv =
        new ArrayList<>(
            List.of(
                "/usr/bin/unshare",
                "--kill-child",
                "--mount",
                "--pid",
                "--fork",
                "/bin/sh",
                "-c",
                ENTER,
                root.toString(),
                ids[0],
                ids[1],
                workdir));
    argv.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(argv).redirectOutput(log.toFile()).redirectError(errors(log).toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new ContainerProcess(builder.start(), log);
  }

  /** The image's process (the entrypoint), as the host sees it. */
  ProcessHandle entrypoint() {
    return process
        .descendants()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(c -> !c.endsWith("unshare") && !c.endsWith("sh"))
                    .orElse(false))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("the entrypoint is not running; log: " + output()));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("did not exit in " + seconds + " s; log: " + output());
    }
    return process.exitValue();
  }

  /** What the process wrote to stdout and to stderr, in that order. */
  String output() {
    return stdout() + read(errors(log));
  }

  String stdout() {
    return read(log);
  }

  private static Path errors(Path log) {
    return log.resolveSibling(log.getFileName() + ".stderr");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** SIGTERM to the image's processes (unshare ignores it), then SIGKILL after 10 s. */
  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
