import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * tools/call at fixed concurrency against several targets (the same upstream called directly and
 * through the gateway) in interleaved rounds, so that drift of the machine hits both alike. Each
 * worker holds one session on one keep-alive connection, initialized once.
 */
final class CallBench {
  /** A server to call: its MCP URL and the processes whose CPU time it costs (role → pid). */
  record Target(String name, URI url, Map<String, String> cpu) {}

  /** Diagnosis only ({@code -Dbench.ping=true}): ping instead of tools/call. */
  private static final boolean PING = Boolean.getBoolean("bench.ping");

  private final List<Target> targets;
  private final int rounds;
  private final long roundMs;
  private final long warmupMs;
  private final String protocol;
  private final String rssPid;
  private final long settleMs;
  private final Properties out;

  CallBench(
      List<Target> targets,
      int rounds,
      long roundMs,
      long warmupMs,
      String protocol,
      String rssPid,
      long settleMs,
      Properties out) {
    this.targets = targets;
    this.rounds = rounds;
    this.roundMs = roundMs;
    this.warmupMs = warmupMs;
    this.protocol = protocol;
    this.rssPid = rssPid;
    this.settleMs = settleMs;
    this.out = out;
  }

  /** One phase's outcome. */
  record Phase(long[] latencies, long calls, long errors, long nanos, Map<String, Long> cpu, long client) {}

  void run(int[] concurrencies) throws Exception {
    var sampler = new RssSampler(rssPid);
    out.setProperty("rssBeforeKiB", Long.toString(Procfs.rssKiB(rssPid)));
    sampler.start();
    boolean first = true;
    for (int c : concurrencies) {
      List<List<McpSession>> sessions = new ArrayList<>();
      for (Target t : targets) {
        List<McpSession> list = new ArrayList<>();
        for (int i = 0; i < c; i++) {
          list.add(McpSession.open(t.url(), protocol));
        }
        sessions.add(list);
        out.setProperty(key(c, t, "protocol"), list.get(0).version());
      }
      for (int i = 0; i < targets.size(); i++) {
        phase(sessions.get(i), targets.get(i), warmupMs);
      }
      if (first) {
        Procfs.liveHeapKiB(rssPid).ifPresent(k -> out.setProperty("heapBeforeKiB", Long.toString(k)));
        out.setProperty("rssWarmKiB", Long.toString(Procfs.rssKiB(rssPid)));
        first = false;
      }
      List<List<Phase>> phases = new ArrayList<>();
      targets.forEach(t -> phases.add(new ArrayList<>()));
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < targets.size(); k++) {
          int i = r % 2 == 0 ? k : targets.size() - 1 - k;
          Phase p = phase(sessions.get(i), targets.get(i), roundMs);
          phases.get(i).add(p);
          out.setProperty(
              key(c, targets.get(i), "round." + r + ".throughput"),
              fmt(p.calls() * 1e9 / p.nanos()));
        }
        out.setProperty("c" + c + ".rssKiB.round." + r, Long.toString(Procfs.rssKiB(rssPid)));
        System.err.printf("  c=%d round %d/%d done%n", c, r + 1, rounds);
      }
      for (int i = 0; i < targets.size(); i++) {
        summarize(c, targets.get(i), phases.get(i));
      }
      sessions.forEach(list -> list.forEach(McpSession::close));
    }
    sampler.stop();
    Procfs.liveHeapKiB(rssPid).ifPresent(k -> out.setProperty("heapAfterKiB", Long.toString(k)));
    Thread.sleep(2000);
    out.setProperty("rssAfterKiB", Long.toString(Procfs.rssKiB(rssPid)));
    out.setProperty("rssMaxKiB", Long.toString(sampler.max()));
    if (settleMs > 0) {
      // state a request keeps for up to its timeout (e.g. timers) is gone by now; a leak is not
      Thread.sleep(settleMs);
      Procfs.liveHeapKiB(rssPid)
          .ifPresent(k -> out.setProperty("heapSettledKiB", Long.toString(k)));
      out.setProperty("settleSeconds", Long.toString(settleMs / 1000));
    }
  }

  private Phase phase(List<McpSession> sessions, Target target, long millis) throws Exception {
    for (McpSession s : sessions) {
      s.refresh();
    }
    int c = sessions.size();
    long[][] lat = new long[c][];
    long[] counts = new long[c];
    var errors = new AtomicLong();
    var start = new CountDownLatch(1);
    var done = new CountDownLatch(c);
    long[] window = new long[2];
    Thread[] workers = new Thread[c];
    for (int w = 0; w < c; w++) {
      int me = w;
      workers[w] =
          Thread.ofPlatform()
              .name("bench-" + w)
              .start(
                  () -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    McpSession s = sessions.get(me);
                    try {
                      start.await();
                      long deadline = window[0] + millis * 1_000_000L;
                      while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                          ok = PING ? s.ping() : s.echo("hello");
                        } catch (IOException e) {
                          ok = false;
                          s.refresh();
                        }
                        long t1 = System.nanoTime();
                        if (!ok) {
                          errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                          mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = t1 - t0;
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    } finally {
                      lat[me] = Arrays.copyOf(mine, n);
                      counts[me] = n;
                      done.countDown();
                    }
                  });
    }
    Map<String, Long> cpu0 = cpu(target);
    long client0 = Procfs.cpuMicros("self");
    window[0] = System.nanoTime();
    start.countDown();
    done.await();
    long nanos = System.nanoTime() - window[0];
    long client = Procfs.cpuMicros("self") - client0;
    Map<String, Long> cpu1 = cpu(target);
    cpu1.replaceAll((role, v) -> v - cpu0.get(role));
    long total = Arrays.stream(counts).sum();
    long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).toArray();
    return new Phase(all, total, errors.get(), nanos, cpu1, client);
  }

  private static Map<String, Long> cpu(Target target) {
    var m = new java.util.TreeMap<String, Long>();
    target.cpu().forEach((role, pid) -> m.put(role, Procfs.cpuMicros(pid)));
    return m;
  }

  private void summarize(int c, Target t, List<Phase> phases) {
    long calls = phases.stream().mapToLong(Phase::calls).sum();
    long errors = phases.stream().mapToLong(Phase::errors).sum();
    long nanos = phases.stream().mapToLong(Phase::nanos).sum();
    long[] lat = phases.stream().flatMapToLong(p -> Arrays.stream(p.latencies())).sorted().toArray();
    out.setProperty(key(c, t, "calls"), Long.toString(calls));
    out.setProperty(key(c, t, "errors"), Long.toString(errors));
    out.setProperty(key(c, t, "seconds"), fmt(nanos / 1e9));
    out.setProperty(key(c, t, "throughput"), fmt(calls * 1e9 / nanos));
    out.setProperty(key(c, t, "p50us"), fmt(pct(lat, 0.50) / 1e3));
    out.setProperty(key(c, t, "p90us"), fmt(pct(lat, 0.90) / 1e3));
    out.setProperty(key(c, t, "p99us"), fmt(pct(lat, 0.99) / 1e3));
    long server = 0;
    for (String role : t.cpu().keySet()) {
      long us = phases.stream().mapToLong(p -> p.cpu().get(role)).sum();
      server += us;
      out.setProperty(key(c, t, "cpuUsPerCall." + role), fmt((double) us / Math.max(1, calls)));
    }
    out.setProperty(key(c, t, "cpuUsPerCall"), fmt((double) server / Math.max(1, calls)));
    long client = phases.stream().mapToLong(Phase::client).sum();
    out.setProperty(key(c, t, "clientCpuUsPerCall"), fmt((double) client / Math.max(1, calls)));
    System.err.printf(
        "  c=%d %-8s %8.0f calls/s  p50 %7.1f us  p99 %7.1f us  cpu %6.1f us/call  errors %d%n",
        c, t.name(), calls * 1e9 / nanos, pct(lat, 0.5) / 1e3, pct(lat, 0.99) / 1e3,
        (double) server / Math.max(1, calls), errors);
  }

  private static long pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static String key(int c, Target t, String what) {
    return "c" + c + "." + t.name() + "." + what;
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  /** Samples one process's RSS every 250 ms and keeps the maximum. */
  static final class RssSampler {
    private final String pid;
    private volatile boolean running = true;
    private volatile long max;
    private Thread thread;

    RssSampler(String pid) {
      this.pid = pid;
    }

    void start() {
      thread =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (running) {
                      max = Math.max(max, Procfs.rssKiB(pid));
                      try {
                        Thread.sleep(250);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    void stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
    }

    long max() {
      return max;
    }
  }
}
