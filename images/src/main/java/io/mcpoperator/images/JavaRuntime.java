package io.mcpoperator.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A headless Java runtime made by {@code jlink} from the JDK running the build (JDK 24+ links from
 * its own runtime image, no jmods needed): only the modules the three applications use, found with
 * {@code jdeps --print-module-deps} on their jars and libs, plus the diagnostics tools ({@code
 * jcmd}). Reused while the JDK and the module list are unchanged.
 */
final class JavaRuntime {

  /** The union of {@code jdeps --print-module-deps} of the three jars with their libs. */
  static final List<String> MODULES =
      List.of(
          "java.base",
          "java.compiler",
          "java.desktop",
          "java.management",
          "java.naming",
          "java.net.http",
          "java.sql",
          "jdk.jfr",
          "jdk.management",
          "jdk.unsupported",
          // not found by jdeps, used by reflection or at run time
          "jdk.crypto.ec",
          "jdk.zipfs",
          "jdk.naming.dns",
          // jcmd for thread dumps, heap and JFR in a running container
          "jdk.jcmd",
          "jdk.attach");

  /**
   * Native libraries of java.desktop that only a display or a sound card needs; a server never
   * loads them, and they would pull X11 and ALSA libraries into the image.
   */
  static final List<String> GUI_LIBRARIES =
      List.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so");

  private JavaRuntime() {}

  /** Links the runtime into {@code output} (or reuses the one there); returns {@code output}. */
  static Path link(Path output) throws IOException {
    String stamp = Runtime.version() + " " + String.join(",", MODULES);
    Path stampFile = output.resolveSibling(output.getFileName() + ".stamp");
    if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
      return output;
    }
    delete(output);
    Files.createDirectories(output.getParent());
    ToolProvider jlink =
        ToolProvider.findFirst("jlink")
            .orElseThrow(
                () ->
                    new IOException(
                        "jlink is not in this Java (" + Runtime.version() + "): use a JDK"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    int exit =
        jlink.run(
            out,
            out,
            "--add-modules",
            String.join(",", MODULES),
            "--strip-debug",
            "--no-man-pages",
            "--no-header-files",
            "--output",
            output.toString());
    if (exit != 0) {
      throw new IOException(
          "jlink failed (exit " + exit + "): " + log.toString(StandardCharsets.UTF_8));
    }
    for (String gui : GUI_LIBRARIES) {
      Files.deleteIfExists(output.resolve("lib").resolve(gui));
    }
    Files.writeString(stampFile, stamp);
    return output;
  }

  /** The ELF files of a runtime: launchers and shared libraries. */
  static List<Path> elfFiles(Path runtime) throws IOException {
    try (Stream<Path> files = Files.walk(runtime)) {
      return files
          .filter(
              f -> {
                try {
                  return NativeLibraries.isElf(f);
                } catch (IOException e) {
                  return false;
                }
              })
          .sorted()
          .toList();
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
