package io.mcpoperator.k8stools.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Collects a process stream as text up to a number of characters and keeps draining the rest, so
 * that a chatty process never blocks on a full pipe.
 */
final class BoundedText {
  private final int maxChars;
  private final StringBuilder text = new StringBuilder();
  private boolean truncated;

  BoundedText(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Reads the stream to its end (or until it is closed) as UTF-8. */
  void drain(InputStream in) {
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      char[] buffer = new char[8192];
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        append(buffer, n);
      }
    } catch (IOException closedOnKill) {
      // the process was killed and its pipe closed: what was read so far is the output
    }
  }

  synchronized void append(char[] buffer, int n) {
    int room = maxChars - text.length();
    if (n > room) {
      truncated = true;
    }
    if (room > 0) {
      text.append(buffer, 0, Math.min(n, room));
    }
  }

  synchronized String text() {
    return text.toString();
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
