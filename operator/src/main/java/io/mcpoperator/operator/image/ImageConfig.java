package io.mcpoperator.operator.image;

import java.util.ArrayList;
import java.util.List;

/**
 * What an image runs, from its config blob.
 *
 * @param digest the digest of the (platform) manifest the config belongs to
 * @param entrypoint {@code config.Entrypoint}, empty when unset
 * @param cmd {@code config.Cmd}, empty when unset
 * @param workingDir {@code config.WorkingDir}, empty when unset
 * @param user {@code config.User}, empty when unset
 */
public record ImageConfig(
    String digest, List<String> entrypoint, List<String> cmd, String workingDir, String user) {

  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
  }

  /**
   * The command line a container of this image runs, the way Kubernetes builds it when a container
   * sets no {@code command}: the entrypoint, followed by {@code args} when given, else by the
   * image's CMD. Empty when the image defines neither.
   */
  public List<String> commandLine(List<String> args) {
    List<String> line = new ArrayList<>(entrypoint);
    line.addAll(args.isEmpty() ? cmd : args);
    return List.copyOf(line);
  }
}
