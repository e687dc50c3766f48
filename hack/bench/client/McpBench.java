import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The gateway benchmark's client (driven by hack/bench/gateway.sh):
 *
 * <pre>
 * calls    --target NAME URL role=pid[,role=pid] (repeated) --concurrency 1,32 --rounds 5
 *          --round-ms 3000 --warmup-ms 3000 --protocol V --rss-pid PID [--settle-ms 35000] --out FILE
 * sessions --url URL --count N --parallel 8 --hold-ms 17000 --protocol V --pid PID --out FILE
 * report   --dir DIR --out FILE
 * </pre>
 *
 * Loopback only; every loop is bounded by a count or a deadline.
 */
public final class McpBench {
  private McpBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    Map<String, List<String>> opts = options(Arrays.copyOfRange(args, 1, args.length));
    Procfs.clockTicks(Long.parseLong(one(opts, "clk-tck", "100")));
    var out = new Properties();
    switch (args[0]) {
      case "calls" -> {
        List<CallBench.Target> targets = new ArrayList<>();
        List<String> t = opts.getOrDefault("target", List.of());
        for (int i = 0; i + 2 < t.size(); i += 3) {
          targets.add(new CallBench.Target(t.get(i), URI.create(t.get(i + 1)), pids(t.get(i + 2))));
        }
        int[] conc =
            Arrays.stream(one(opts, "concurrency", "1,32").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        new CallBench(
                targets,
                Integer.parseInt(one(opts, "rounds", "5")),
                Long.parseLong(one(opts, "round-ms", "3000")),
                Long.parseLong(one(opts, "warmup-ms", "3000")),
                one(opts, "protocol", "2025-06-18"),
                one(opts, "rss-pid", "self"),
                Long.parseLong(one(opts, "settle-ms", "0")),
                out)
            .run(conc);
      }
      case "sessions" ->
          new SessionBench(
                  URI.create(one(opts, "url", null)),
                  Integer.parseInt(one(opts, "count", "20000")),
                  Integer.parseInt(one(opts, "parallel", "8")),
                  Long.parseLong(one(opts, "hold-ms", "17000")),
                  one(opts, "protocol", "2025-11-25"),
                  one(opts, "pid", null),
                  out)
              .run();
      case "report" -> {
        Report.write(Path.of(one(opts, "dir", null)), Path.of(one(opts, "out", null)));
        return;
      }
      default -> usage();
    }
    try (OutputStream os = Files.newOutputStream(Path.of(one(opts, "out", null)))) {
      out.store(os, "mcp-bench " + args[0]);
    }
  }

  private static Map<String, String> pids(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      m.put(kv[0], kv[1]);
    }
    return m;
  }

  /** {@code --name value...}: the values up to the next option. */
  private static Map<String, List<String>> options(String[] args) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    String current = null;
    for (String a : args) {
      if (a.startsWith("--")) {
        current = a.substring(2);
        m.computeIfAbsent(current, k -> new ArrayList<>());
      } else if (current != null) {
        m.get(current).add(a);
      } else {
        usage();
      }
    }
    return m;
  }

  private static String one(Map<String, List<String>> opts, String name, String fallback) {
    List<String> v = opts.get(name);
    if (v == null || v.isEmpty()) {
      if (fallback == null) {
        System.err.println("missing --" + name);
        usage();
      }
      return fallback;
    }
    return v.get(0);
  }

  private static void usage() {
    System.err.println("usage: McpBench calls|sessions|report --option value ... (see the source)");
    System.exit(2);
  }

  static Properties load(Path file) throws IOException {
    var p = new Properties();
    if (Files.exists(file)) {
      try (var in = Files.newInputStream(file)) {
        p.load(in);
      }
    }
    return p;
  }
}
