import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many concurrent sessions, each with its standalone GET SSE stream held open: the gateway's memory
 * per idle-but-connected client. A few workers initialize sessions over keep-alive connections and
 * open one stream socket per session; the client keeps only the sockets (no thread per stream).
 */
final class SessionBench {
  private final URI url;
  private final int count;
  private final int parallel;
  private final long holdMs;
  private final String protocol;
  private final String pid;
  private final Properties out;

  SessionBench(
      URI url, int count, int parallel, long holdMs, String protocol, String pid, Properties out) {
    this.url = url;
    this.count = count;
    this.parallel = parallel;
    this.holdMs = holdMs;
    this.protocol = protocol;
    this.pid = pid;
    this.out = out;
  }

  void run() throws Exception {
    Procfs.liveHeapKiB(pid).ifPresent(k -> out.setProperty("heapBeforeKiB", Long.toString(k)));
    out.setProperty("rssBeforeKiB", Long.toString(Procfs.rssKiB(pid)));
    Socket[] streams = new Socket[count];
    var next = new AtomicInteger();
    var opened = new AtomicInteger();
    var failure = new AtomicReference<String>();
    long t0 = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < parallel; w++) {
      workers.add(Thread.ofPlatform().start(() -> open(streams, next, opened, failure)));
    }
    int reported = 0;
    while (workers.stream().anyMatch(Thread::isAlive)) {
      Thread.sleep(100);
      int n = opened.get();
      if (n / 1000 > reported / 1000) {
        reported = n;
        out.setProperty("rssKiB.at." + (n / 1000 * 1000), Long.toString(Procfs.rssKiB(pid)));
        System.err.printf("  %d streams open, gateway RSS %d MiB%n", n, Procfs.rssKiB(pid) >> 10);
      }
    }
    for (Thread t : workers) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int n = opened.get();
    out.setProperty("requested", Integer.toString(count));
    out.setProperty("opened", Integer.toString(n));
    out.setProperty("openSeconds", CallBench.fmt(seconds));
    if (failure.get() != null) {
      out.setProperty("firstFailure", failure.get());
    }
    out.setProperty("rssOpenKiB", Long.toString(Procfs.rssKiB(pid)));
    System.err.printf("  holding %d streams for %d ms%n", n, holdMs);
    Thread.sleep(holdMs);
    out.setProperty("rssHeldKiB", Long.toString(Procfs.rssKiB(pid)));
    out.setProperty("gatewayOpenFiles", Long.toString(Procfs.openFiles(pid)));
    out.setProperty("alive", Integer.toString(alive(streams)));
    Procfs.liveHeapKiB(pid).ifPresent(k -> out.setProperty("heapHeldKiB", Long.toString(k)));
    out.setProperty("rssAfterGcKiB", Long.toString(Procfs.rssKiB(pid)));
    for (Socket s : streams) {
      if (s != null) {
        s.close();
      }
    }
    Thread.sleep(3000);
    out.setProperty("rssClosedKiB", Long.toString(Procfs.rssKiB(pid)));
  }

  private void open(
      Socket[] streams, AtomicInteger next, AtomicInteger opened, AtomicReference<String> failure) {
    try (var conn = new HttpConn(url)) {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        McpSession session = McpSession.open(conn, url, protocol);
        streams[i] = session.openStream();
        opened.incrementAndGet();
      }
    } catch (IOException e) {
      failure.compareAndSet(null, "session " + opened.get() + ": " + e);
      next.set(count);
    }
  }

  /** Streams still open: data (a keep-alive comment) waiting, or a read that times out. */
  private static int alive(Socket[] streams) throws IOException {
    int alive = 0;
    for (Socket s : streams) {
      if (s == null) {
        continue;
      }
      InputStream in = s.getInputStream();
      if (in.available() > 0) {
        alive++;
        continue;
      }
      s.setSoTimeout(1);
      try {
        if (in.read() >= 0) {
          alive++;
        }
      } catch (SocketTimeoutException e) {
        alive++;
      } catch (IOException e) {
        // closed
      }
    }
    return alive;
  }
}
