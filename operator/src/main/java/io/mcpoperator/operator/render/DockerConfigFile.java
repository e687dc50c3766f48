package io.mcpoperator.operator.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mcpoperator.operator.image.RegistryCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry credentials render reads entrypoints with: a docker config file ({@code
 * --docker-config FILE}, else {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}
 * when present), the {@code auths} that {@code docker login} writes. imagePullSecrets are Secrets
 * in the cluster, which render cannot read; credential helpers ({@code credsStore}, {@code
 * credHelpers}) are not run.
 */
final class DockerConfigFile {
  private DockerConfigFile() {}

  /** Where docker itself looks: {@code $DOCKER_CONFIG/config.json}, else under the home. */
  static Path defaultPath(Map<String, String> env, String home) {
    String dir = env.get("DOCKER_CONFIG");
    return dir != null && !dir.isBlank()
        ? Path.of(dir, "config.json")
        : Path.of(home, ".docker", "config.json");
  }

  /**
   * The credentials of {@code explicit}, which must be a readable docker config file (else {@link
   * IllegalArgumentException} naming it), or of {@code fallback}: none when it does not exist, and
   * a note with every failure when it cannot be used.
   */
  static RegistryCredentials load(Optional<Path> explicit, Path fallback) {
    if (explicit.isEmpty() && !Files.exists(fallback)) {
      return RegistryCredentials.none(
          "a docker config file (--docker-config FILE; " + fallback + " does not exist)");
    }
    Path file = explicit.orElse(fallback);
    String source = "--docker-config " + file;
    try {
      JsonObject root = parse(file);
      List<String> problems = new ArrayList<>();
      for (String helper : List.of("credsStore", "credHelpers")) {
        if (root.has(helper)) {
          problems.add(
              file + " names " + helper + ": render runs no credential helper, it reads \"auths\"");
        }
      }
      return new RegistryCredentials(
          source, List.of(root.toString().getBytes(StandardCharsets.UTF_8)), problems);
    } catch (IllegalArgumentException e) {
      if (explicit.isPresent()) {
        throw e;
      }
      return new RegistryCredentials(source, List.of(), List.of(e.getMessage() + ": ignored"));
    }
  }

  private static JsonObject parse(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--docker-config " + file + ": no such file");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--docker-config " + file + ": cannot be read (" + e + ")");
    }
    try {
      JsonElement parsed = JsonParser.parseString(content);
      if (parsed.isJsonObject()) {
        return parsed.getAsJsonObject();
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--docker-config "
            + file
            + " is not a docker config file (a JSON object with \"auths\", as docker login"
            + " writes it)");
  }
}
