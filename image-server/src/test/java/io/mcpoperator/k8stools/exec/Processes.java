package io.mcpoperator.k8stools.exec;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: whether a process is gone (exited, or a zombie no one reaped). */
public final class Processes {
  private Processes() {}

  /** Waits up to 10 s for the process to be gone; true if it is. */
  public static boolean awaitGone(long pid) {
    try {
      await()
          .atMost(java.time.Duration.ofSeconds(10))
          .pollInterval(java.time.Duration.ofMillis(100))
          .until(() -> !running(pid));
      return true;
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return false;
    }
  }

  private static boolean running(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      char state = text.charAt(text.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException gone) {
      return false;
    }
  }
}
