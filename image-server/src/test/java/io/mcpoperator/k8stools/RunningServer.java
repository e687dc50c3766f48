package io.mcpoperator.k8stools;

import io.mcpoperator.k8stools.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A server on 127.0.0.1 and a free port, running the fake CLIs with a 3 s timeout. */
public final class RunningServer implements AutoCloseable {
  private final K8sToolsServer server;
  private final Path work;

  private RunningServer(K8sToolsServer server, Path work) {
    this.server = server;
    this.work = work;
  }

  public static RunningServer start(Path tmp) throws IOException {
    return start(tmp, List.of());
  }

  /** As {@link #start(Path)}, with more command-line options. */
  public static RunningServer start(Path tmp, List<String> options) throws IOException {
    FakeClis fakes = FakeClis.in(Files.createDirectory(tmp.resolve("bin")));
    Path work = Files.createDirectory(tmp.resolve("work"));
    String path = fakes.searchPath().stream().map(Path::toString).collect(Collectors.joining(":"));
    List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
    args.addAll(List.of("--timeout", "3"));
    args.addAll(options);
    ServerConfig config =
        ServerConfig.from(args, Map.of("PATH", path, "K8S_TOOLS_TEMP_DIR", work.toString()));
    return new RunningServer(K8sToolsServer.start(config), work);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public int port() {
    return server.port();
  }

  /** Where private work directories are created (empty between calls). */
  public Path work() {
    return work;
  }

  /**
   * A base64 kubeconfig whose only cluster is called {@code clusterName}, padded to {@code size}.
   */
  public static String kubeconfig(String clusterName, int size) {
    StringBuilder text =
        new StringBuilder(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: "
                + clusterName
                + "\n  cluster: {server: \"https://127.0.0.1:1\"}\n");
    while (text.length() < size) {
      text.append("# padding to look like embedded certificates\n");
    }
    return Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
  }
}
