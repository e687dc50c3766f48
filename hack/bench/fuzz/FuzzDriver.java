package io.mcpoperator.gateway.hostile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load side of {@code hack/bench/fuzz.sh}: {@code --inputs} hostile POST /mcp requests from
 * {@code --workers} threads, each on one raw keep-alive HTTP/1.1 socket (reopened only when the
 * gateway closes it), bodies from the build's {@link Mutator} and headers mutated here. Counts
 * answers per status, 5xx, hangs (no complete answer within {@code --hang-ms}), connections the
 * gateway closed, answers that are not JSON-RPC, and the gateway's live heap ({@code jcmd GC.run},
 * then {@code GC.heap_info}, with the workers paused) at 0, 2, 25, 50, 75 and 100 %. Writes a Markdown fragment to {@code
 * --out}. Plain JDK; loopback only.
 */
public final class FuzzDriver {
  private static final String ACCEPT_BOTH = "application/json, text/event-stream";
  private static final String[] VERSIONS = {"2025-03-26", "2025-06-18", "2025-11-25"};

  private final String host = "127.0.0.1";
  private final int port;
  private final int hangMs;
  private final Map<String, String> sessions = new HashMap<>();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final LongAdder closed = new LongAdder();
  private final LongAdder hangs = new LongAdder();
  private final LongAdder notJsonRpc = new LongAdder();
  private final LongAdder bytesSent = new LongAdder();
  private final AtomicLong maxMs = new AtomicLong();
  private final List<String> faults = new CopyOnWriteArrayList<>();
  private final AtomicLong done = new AtomicLong();
  private volatile boolean paused;
  private final java.util.concurrent.atomic.AtomicInteger idle =
      new java.util.concurrent.atomic.AtomicInteger();

  private FuzzDriver(int port, int hangMs) {
    this.port = port;
    this.hangMs = hangMs;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int inputs = Integer.parseInt(opt.getOrDefault("inputs", "200000"));
    int workers = Integer.parseInt(opt.getOrDefault("workers", "4"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "20261207"));
    long pid = Long.parseLong(opt.getOrDefault("pid", "0"));
    var driver =
        new FuzzDriver(
            Integer.parseInt(opt.get("port")),
            Integer.parseInt(opt.getOrDefault("hang-ms", "5000")));
    driver.run(inputs, workers, seed, pid, Path.of(opt.get("out")));
  }

  private void run(int inputs, int workers, long seed, long pid, Path out) throws Exception {
    for (String version : VERSIONS) {
      sessions.put(version, initialize(version));
    }
    List<String> heap = new ArrayList<>();
    heap.add("0 %: " + liveHeap(pid));
    long started = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads.add(
          Thread.ofPlatform()
              .name("fuzz-" + w)
              .start(() -> work(worker, workers, inputs, seed)));
    }
    // 2 %: warm (classes loaded, buffers and caches made), the baseline the later marks compare with
    for (int percent : new int[] {2, 25, 50, 75}) {
      while (done.get() < (long) inputs * percent / 100) {
        Thread.sleep(50);
      }
      // weigh a quiet heap: no request in flight while jcmd runs
      paused = true;
      while (idle.get() < workers) {
        Thread.sleep(5);
      }
      heap.add(percent + " %: " + liveHeap(pid));
      paused = false;
      System.err.printf(
          "fuzz: %d / %d inputs, statuses %s%n", done.get(), inputs, sorted(statuses));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    heap.add("100 %: " + liveHeap(pid));
    long fiveXx =
        statuses.entrySet().stream()
            .filter(e -> e.getKey() >= 500)
            .mapToLong(e -> e.getValue().sum())
            .sum();
    var text = new StringBuilder();
    text.append("| figure | value |\n|---|---|\n");
    row(text, "inputs sent", "%,d (seed %d, %d workers, one keep-alive socket each)", inputs, seed, workers);
    row(text, "request bytes sent", "%,.1f MiB", bytesSent.sum() / 1048576.0);
    row(text, "duration", "%.1f s", seconds);
    row(text, "rate", "%.0f requests/s", inputs / seconds);
    row(text, "answers per HTTP status", "%s", sorted(statuses));
    row(text, "5xx answers", "%d", fiveXx);
    row(text, "hangs (no complete answer within %d ms)", "%d", hangMs, hangs.sum());
    row(text, "connections closed by the gateway (reopened)", "%d", closed.sum());
    row(text, "answers that are not JSON-RPC (JSON body without \"jsonrpc\")", "%d", notJsonRpc.sum());
    row(text, "slowest complete answer", "%d ms", maxMs.get());
    row(
        text,
        "gateway live heap after GC.run (used, all generations; workers paused)",
        "%s",
        String.join(", ", heap));
    text.append("\nFirst faults (5xx, hangs, non-JSON-RPC answers; at most 20):\n\n");
    if (faults.isEmpty()) {
      text.append("- none\n");
    }
    faults.forEach(f -> text.append("- `").append(f.replace('`', '\'')).append("`\n"));
    Files.writeString(out, text);
    System.err.print(text);
  }

  private static void row(StringBuilder text, String name, String format, Object... args) {
    // a name with its own placeholder takes the first argument
    int own = name.contains("%") ? 1 : 0;
    String label = own == 1 ? name.formatted(args[0]) : name;
    Object[] rest = java.util.Arrays.copyOfRange(args, own, args.length);
    text.append("| ").append(label).append(" | ").append(format.formatted(rest)).append(" |\n");
  }

  private static Map<Integer, Long> sorted(Map<Integer, LongAdder> counts) {
    var out = new TreeMap<Integer, Long>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private void work(int worker, int workers, int inputs, long seed) {
    Mutator mutator = new Mutator(seed + worker);
    Random choice = new Random(seed * 31 + worker);
    Conn conn = null;
    for (int i = worker; i < inputs; i += workers) {
      if (paused) {
        idle.incrementAndGet();
        while (paused) {
          sleep(1);
        }
        idle.decrementAndGet();
      }
      byte[] body = mutator.next();
      byte[] request = request(body, choice);
      bytesSent.add(request.length);
      try {
        if (conn == null) {
          conn = new Conn();
        }
        long t0 = System.nanoTime();
        Answer answer = conn.exchange(request);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        maxMs.accumulateAndGet(ms, Math::max);
        statuses.computeIfAbsent(answer.status, s -> new LongAdder()).increment();
        check(answer, ms, body);
        if (answer.close) {
          conn.close();
          conn = null;
          closed.increment();
        }
      } catch (SocketTimeoutException hang) {
        hangs.increment();
        fault("no answer within " + hangMs + " ms", body);
        conn.close();
        conn = null;
      } catch (IOException gone) {
        closed.increment();
        if (conn != null) {
          conn.close();
        }
        conn = null;
      }
      done.incrementAndGet();
    }
    if (conn != null) {
      conn.close();
    }
    idle.incrementAndGet(); // for good: a finished worker never holds up a pause
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void check(Answer answer, long ms, byte[] body) {
    if (ms > hangMs) {
      hangs.increment();
      fault("answer " + answer.status + " after " + ms + " ms", body);
    }
    if (answer.status >= 500) {
      fault(answer.status + " " + preview(answer.body), body);
    }
    String type = answer.headers.getOrDefault("content-type", "");
    if (type.startsWith("application/json") && answer.body.length > 0) {
      String text = new String(answer.body, StandardCharsets.UTF_8).strip();
      if (!(text.startsWith("{") || text.startsWith("[")) || !text.contains("\"jsonrpc\"")) {
        notJsonRpc.increment();
        fault(answer.status + " not JSON-RPC: " + preview(answer.body), body);
      }
    }
  }

  private void fault(String what, byte[] body) {
    if (faults.size() < 20) {
      faults.add(what + " for " + preview(body));
    }
  }

  /** The request head (with mutated headers) and body. */
  private byte[] request(byte[] body, Random choice) {
    String version = VERSIONS[choice.nextInt(VERSIONS.length)];
    String session = sessions.get(version);
    String contentType = "application/json";
    String accept = ACCEPT_BOTH;
    String protocol = version.equals("2025-03-26") ? null : version;
    var extra = new StringBuilder();
    switch (choice.nextInt(26)) {
      case 0 -> contentType = "text/plain";
      case 1 -> accept = "text/html";
      case 2 -> accept = "application/json";
      case 3 -> contentType = null;
      case 4 -> contentType = "application/json; charset=utf-16";
      case 5 -> session = "forged-" + choice.nextInt();
      case 6 -> session = null;
      case 7 -> session = "s".repeat(8_192);
      case 8 -> session = "é☃\u0001" + session;
      case 9 -> protocol = "1999-01-01";
      case 10 -> protocol = "2025-06-18\u00ff\u2603";
      case 11 -> extra.append("Origin: http://evil.example\r\n");
      case 12 -> extra.append("Mcp-Session-Id: forged\r\n");
      case 13 -> extra.append("X-Fuzz: ").append(randomText(choice, 4_096)).append("\r\n");
      case 14 -> protocol = version.equals("2025-11-25") ? "2025-06-18" : "2025-11-25";
      case 15 -> accept = null;
      default -> {
        // valid headers
      }
    }
    var head = new StringBuilder(256);
    head.append("POST /mcp HTTP/1.1\r\nHost: ").append(host).append(':').append(port);
    head.append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (accept != null) {
      head.append("Accept: ").append(accept).append("\r\n");
    }
    if (session != null) {
      head.append("Mcp-Session-Id: ").append(session).append("\r\n");
    }
    if (protocol != null) {
      head.append("MCP-Protocol-Version: ").append(protocol).append("\r\n");
    }
    head.append(extra).append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static String randomText(Random random, int max) {
    var text = new StringBuilder();
    for (int n = random.nextInt(max); n > 0; n--) {
      text.append((char) (0x20 + random.nextInt(0x3000)));
    }
    return text.toString();
  }

  private String initialize(String version) throws IOException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
            + version
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}";
    try (Conn conn = new Conn()) {
      Answer answer = conn.exchange(post(body, null, version));
      String session = answer.headers.get("mcp-session-id");
      if (answer.status != 200 || session == null) {
        throw new IOException("initialize " + version + ": " + answer.status);
      }
      String done = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
      conn.exchange(post(done, session, version));
      return session;
    }
  }

  private byte[] post(String body, String session, String version) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /mcp HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nAccept: %s\r\n%s%sContent-Length: %d\r\n\r\n"
            .formatted(
                host,
                port,
                ACCEPT_BOTH,
                session == null ? "" : "Mcp-Session-Id: " + session + "\r\n",
                session == null ? "" : "MCP-Protocol-Version: " + version + "\r\n",
                b.length);
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + b.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(b, 0, all, h.length, b.length);
    return all;
  }

  private static final Pattern USED = Pattern.compile("^\\S.*total \\d+K, used (\\d+)K");

  /** Live heap of {@code pid} in MiB after a full GC, from jcmd; "?" without a pid. */
  private static String liveHeap(long pid) throws IOException, InterruptedException {
    if (pid == 0) {
      return "?";
    }
    jcmd(pid, "GC.run");
    long usedK = 0;
    for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
      Matcher m = USED.matcher(line);
      if (m.find()) {
        usedK += Long.parseLong(m.group(1));
      }
    }
    return "%.1f MiB".formatted(usedK / 1024.0);
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return text;
  }

  private static String preview(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, 100), StandardCharsets.UTF_8);
    return text.replaceAll("[\\r\\n\\p{Cntrl}]", " ")
        + (bytes.length > 100 ? "... (" + bytes.length + " bytes)" : "");
  }

  record Answer(int status, Map<String, String> headers, byte[] body, boolean close) {}

  /** One keep-alive HTTP/1.1 connection with the fuzz run's read timeout. */
  private final class Conn implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    Conn() throws IOException {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(hangMs);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }

    Answer exchange(byte[] request) throws IOException {
      try {
        out.write(request);
        out.flush();
      } catch (IOException writeFailed) {
        // the gateway may have answered (413) and closed before reading the whole body
        return read(true);
      }
      return read(false);
    }

    /** The answer, parsed by the benchmark client's {@code HttpConn} (fuzz.sh compiles it in). */
    private Answer read(boolean close) throws IOException {
      HttpConn.Response response = HttpConn.read(in);
      close |= "close".equalsIgnoreCase(response.header("connection"));
      return new Answer(response.status(), response.headers(), response.body(), close);
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
