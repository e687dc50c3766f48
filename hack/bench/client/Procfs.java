import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Linux tells about a process: CPU time, resident memory, open files; and a JVM's heap. */
final class Procfs {
  // "   1:        130307       56761208  [B (java.base@25.0.3)": instances, bytes, class
  private static final Pattern HISTOGRAM_ROW =
      Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
  private static long clockTicks = 100;

  private Procfs() {}

  static void clockTicks(long perSecond) {
    clockTicks = perSecond;
  }

  /** User + system CPU time of {@code pid} (all its threads) in microseconds; 0 once it is gone. */
  static long cpuMicros(String pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 1_000_000L / clockTicks;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long cpuMicros(List<String> pids) {
    long sum = 0;
    for (String pid : pids) {
      sum += cpuMicros(pid);
    }
    return sum;
  }

  /** Resident set size in KiB; 0 when the process is gone. */
  static long rssKiB(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return 0;
  }

  static long openFiles(String pid) {
    try (var files = Files.list(Path.of("/proc", pid, "fd"))) {
      return files.count();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Bytes of live objects after a full GC, in KiB: {@code jcmd GC.class_histogram} (which collects
   * first) summed over classes, leaving out {@code jdk.internal.vm.FillerElement} arrays. Those are
   * not objects but dead space a mark-compact collector may leave in place instead of moving
   * everything above it (Serial's MarkSweepDeadRatio, 5% of the old generation by default); "heap
   * used" counts them, so it grows and shrinks with where garbage happened to lie, not with what is
   * alive.
   */
  static OptionalLong liveHeapKiB(String pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      String histogram = run(jcmd.toString(), pid, "GC.class_histogram");
      long bytes = 0;
      boolean found = false;
      for (String line : histogram.split("\n")) {
        Matcher m = HISTOGRAM_ROW.matcher(line);
        if (m.find() && !m.group(2).startsWith("[Ljdk.internal.vm.FillerElement;")) {
          bytes += Long.parseLong(m.group(1));
          found = true;
        }
      }
      return found ? OptionalLong.of(bytes / 1024) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
