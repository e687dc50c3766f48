package io.mcpoperator.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared libraries a set of ELF files needs from outside a directory, as {@code ldd} resolves
 * them on the build machine (glibc and, for jq, its two libraries). An image without a distribution
 * carries exactly these.
 */
final class NativeLibraries {

  private static final Pattern RESOLVED =
      Pattern.compile("^\\s*(\\S+) => (/\\S+) \\(0x[0-9a-f]+\\)");
  private static final Pattern MISSING = Pattern.compile("^\\s*(\\S+) => not found");
  private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S+) \\(0x[0-9a-f]+\\)");

  private NativeLibraries() {}

  /** One {@code ldd} report. */
  record Report(Set<Path> libraries, Set<String> missing) {}

  /**
   * Parses {@code ldd} output: resolved libraries and the dynamic loader by path, unresolved names
   * (except those in {@code providedInside}, found at run time through the file's RPATH).
   */
  static Report parse(String lddOutput, Set<String> providedInside) {
    Set<Path> libraries = new LinkedHashSet<>();
    Set<String> missing = new LinkedHashSet<>();
    for (String line : lddOutput.split("\n")) {
      Matcher resolved = RESOLVED.matcher(line);
      Matcher unresolved = MISSING.matcher(line);
      Matcher loader = LOADER.matcher(line);
      if (resolved.find()) {
        libraries.add(Path.of(resolved.group(2)));
      } else if (unresolved.find()) {
        if (!providedInside.contains(unresolved.group(1))) {
          missing.add(unresolved.group(1));
        }
      } else if (loader.find()) {
        libraries.add(Path.of(loader.group(1)));
      }
    }
    return new Report(libraries, missing);
  }

  /**
   * The libraries {@code elfFiles} need that do not lie below {@code inside}; fails naming the file
   * and library when one cannot be found on this machine.
   */
  static Set<Path> outside(List<Path> elfFiles, Path inside) throws IOException {
    Set<String> insideNames = new LinkedHashSet<>();
    if (inside != null) {
      try (var files = Files.walk(inside)) {
        files.filter(f -> f.toString().endsWith(".so")).forEach(f -> insideNames.add(name(f)));
      }
    }
    Set<Path> needed = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (Path elf : elfFiles) {
      Report report = parse(ldd(elf), insideNames);
      report
          .missing()
          .forEach(m -> problems.add(elf + " needs " + m + ", not found on this machine"));
      for (Path library : report.libraries()) {
        if (inside == null || !library.normalize().startsWith(inside.normalize())) {
          needed.add(library);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IOException(String.join("; ", problems));
    }
    return needed;
  }

  /** True for a dynamically linked ELF file ({@code ldd} says "not a dynamic executable" else). */
  static boolean isElf(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) < 4) {
      return false;
    }
    try (var in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static String ldd(Path elf) throws IOException {
    Process process = new ProcessBuilder("ldd", elf.toString()).redirectErrorStream(true).start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("ldd " + elf + " did not finish in 60 s");
      }
      // a static executable (Go CLIs) makes ldd exit 1 with "not a dynamic executable"
      return process.exitValue() == 0 ? out : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running ldd " + elf, e);
    }
  }
}
