package io.mcpoperator.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One image to build: what goes in (the application jar, its libs, its JVM options, extra host
 * tools) and its config (entrypoint, default arguments, environment, user, ports, labels).
 *
 * @param repository image name without tag, e.g. {@code ghcr.io/mcp-operator/mcp-operator}
 * @param tag image tag (the project version)
 * @param title the {@code org.opencontainers.image.title} label and the tar's file name
 * @param description the {@code org.opencontainers.image.description} label
 * @param appDir where the jar, {@code libs/} and {@code jvm.options} live in the image
 * @param jar the application jar (its manifest's Class-Path names {@code libs/...})
 * @param libs the directory of the jar's runtime dependencies
 * @param jvmOptions the JVM options file ({@code java @file}), or {@code null} for none
 * @param entrypoint the image's ENTRYPOINT
 * @param cmd the image's CMD (default arguments), may be empty
 * @param env environment variables besides PATH and JAVA_HOME
 * @param user numeric {@code uid:gid}
 * @param ports TCP ports the image exposes
 * @param tools host programs copied into {@code /usr/local/bin} with the shared libraries they need
 *     (for image-server: kubectl, helm, istioctl, argocd, jq)
 */
public record ImageSpec(
    String repository,
    String tag,
    String title,
    String description,
    String appDir,
    Path jar,
    Path libs,
    Path jvmOptions,
    List<String> entrypoint,
    List<String> cmd,
    Map<String, String> env,
    String user,
    List<Integer> ports,
    List<Path> tools,
    List<String> aotTraining) {

  public ImageSpec {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = Map.copyOf(env);
    ports = List.copyOf(ports);
    tools = List.copyOf(tools);
    aotTraining = List.copyOf(aotTraining);
    if (!user.matches("\\d+:\\d+")) {
      throw new IllegalArgumentException("user must be numeric uid:gid, was " + user);
    }
  }

  /** Where the AOT cache lies in the image. */
  public String aotCache() {
    return appDir + "/" + title + ".aot";
  }

  /**
   * This image with its AOT cache in use: {@code -XX:AOTCache} right after the JVM options file, as
   * the gateway's Containerfile has it.
   */
  public ImageSpec withAotCache() {
    List<String> withCache = new java.util.ArrayList<>(entrypoint);
    int at = 1;
    while (at < withCache.size() && withCache.get(at).startsWith("@")) {
      at++;
    }
    withCache.add(at, "-XX:AOTCache=" + aotCache());
    return new ImageSpec(
        repository,
        tag,
        title,
        description,
        appDir,
        jar,
        libs,
        jvmOptions,
        withCache,
        cmd,
        env,
        user,
        ports,
        tools,
        List.of());
  }

  /**
   * The training run: the entrypoint writing the AOT cache to {@code output}, then the arguments.
   */
  public List<String> trainingCommand(String output) {
    List<String> command = new java.util.ArrayList<>(entrypoint);
    int at = 1;
    while (at < command.size() && command.get(at).startsWith("@")) {
      at++;
    }
    command.add(at, "-XX:AOTCacheOutput=" + output);
    command.addAll(aotTraining);
    return command;
  }

  /** {@code repository:tag}. */
  public String reference() {
    return repository + ":" + tag;
  }
}
