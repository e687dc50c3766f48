package io.mcpoperator.k8stools.exec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool, and the filters its output is piped into, as plain processes: no shell is involved,
 * the stages' streams are joined by the operating system's pipes. The tool gets an empty stdin, so
 * a prompt fails instead of hanging. At the timeout every stage and everything it started is
 * killed.
 */
public final class CommandRunner {
  private static final int SIGPIPE_EXIT = 128 + 13;
  private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  /** Runs the spec; IOException when a process cannot be started. */
  public ExecutionResult run(ExecutionSpec spec) throws IOException, InterruptedException {
    List<Process> processes = start(spec);
    processes.getFirst().getOutputStream().close();
    BoundedText out = new BoundedText(spec.maxOutputChars());
    BoundedText err = new BoundedText(spec.maxOutputChars());
    List<Thread> readers = new ArrayList<>();
    readers.add(reader(out, processes.getLast().getInputStream()));
    for (Process process : processes) {
      readers.add(reader(err, process.getErrorStream()));
    }
    long deadline = System.nanoTime() + spec.timeout().toNanos();
    boolean finished;
    try {
      finished = waitAll(processes, readers, deadline);
    } catch (InterruptedException cancelled) {
      processes.forEach(CommandRunner::killTree);
      throw cancelled;
    }
    if (!finished) {
      processes.forEach(CommandRunner::killTree);
      for (Thread reader : readers) {
        reader.join(TimeUnit.SECONDS.toMillis(5));
      }
    }
    return new ExecutionResult(
        finished ? exitCode(processes) : -1,
        out.text(),
        err.text(),
        out.truncated() || err.truncated(),
        !finished);
  }

  private static List<Process> start(ExecutionSpec spec) throws IOException {
    List<ProcessBuilder> builders = new ArrayList<>();
    ProcessBuilder tool = new ProcessBuilder(spec.command()).directory(spec.workDir().toFile());
    tool.environment().putAll(spec.environment());
    builders.add(tool);
    for (List<String> filter : spec.filters()) {
      ProcessBuilder builder = new ProcessBuilder(filter).directory(spec.workDir().toFile());
      Map<String, String> env = builder.environment();
      String path = env.getOrDefault("PATH", DEFAULT_PATH);
      env.clear();
      env.put("PATH", path);
      env.put("LANG", "C.UTF-8");
      builders.add(builder);
    }
    return builders.size() == 1 ? List.of(tool.start()) : ProcessBuilder.startPipeline(builders);
  }

  private static Thread reader(BoundedText sink, InputStream in) {
    return Thread.ofVirtual().name("process-reader").start(() -> sink.drain(in));
  }

  private static boolean waitAll(List<Process> processes, List<Thread> readers, long deadline)
      throws InterruptedException {
    for (Process process : processes) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    for (Thread reader : readers) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !reader.join(java.time.Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }

  /** Kills a process and everything it started (children first seen before the parent dies). */
  static void killTree(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.onExit().get(5, TimeUnit.SECONDS);
    } catch (Exception stillExiting) {
      // destroyForcibly sent SIGKILL; the kernel finishes the job
    }
  }

  private static int exitCode(List<Process> processes) {
    int code = 0;
    for (int i = 0; i < processes.size(); i++) {
      int exit = processes.get(i).exitValue();
      boolean stoppedByReader = exit == SIGPIPE_EXIT && i < processes.size() - 1;
      if (exit != 0 && !stoppedByReader) {
        code = exit;
      }
    }
    return code;
  }
}
