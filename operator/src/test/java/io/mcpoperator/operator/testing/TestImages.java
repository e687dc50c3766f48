package io.mcpoperator.operator.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Tiny OCI and Docker images built in the test: a config blob, one (empty) tar.gz layer, and the
 * manifest naming both; an index over several of them.
 */
public final class TestImages {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  private static final Gson GSON = new Gson();

  private TestImages() {}

  /** An image (or index) ready to push. */
  public record Image(
      String mediaType, byte[] manifest, List<byte[]> blobs, List<Image> platforms) {
    public String digest() {
      return TestImages.digest(manifest);
    }
  }

  /** A linux/amd64 OCI image running {@code entrypoint} with {@code cmd}. */
  public static Image oci(List<String> entrypoint, List<String> cmd) {
    return image(OCI_MANIFEST, "amd64", entrypoint, cmd);
  }

  /**
   * An image of {@code mediaType} (OCI or Docker v2) for {@code architecture}; a null entrypoint or
   * cmd is left out of the config.
   */
  public static Image image(
      String mediaType, String architecture, List<String> entrypoint, List<String> cmd) {
    boolean oci = mediaType.equals(OCI_MANIFEST);
    byte[] layer = gzip(new byte[1024]); // an empty tar: two zero blocks
    JsonObject runConfig = new JsonObject();
    if (entrypoint != null) {
      runConfig.add("Entrypoint", GSON.toJsonTree(entrypoint));
    }
    if (cmd != null) {
      runConfig.add("Cmd", GSON.toJsonTree(cmd));
    }
    runConfig.addProperty("WorkingDir", "/app");
    runConfig.addProperty("User", "65532");
    JsonObject config = new JsonObject();
    config.addProperty("architecture", architecture);
    config.addProperty("os", "linux");
    config.add("config", runConfig);
    JsonObject rootfs = new JsonObject();
    rootfs.addProperty("type", "layers");
    rootfs.add("diff_ids", GSON.toJsonTree(List.of(digest(new byte[1024]))));
    config.add("rootfs", rootfs);
    byte[] configBlob = GSON.toJson(config).getBytes(StandardCharsets.UTF_8);

    JsonObject manifest = new JsonObject();
    manifest.addProperty("schemaVersion", 2);
    manifest.addProperty("mediaType", mediaType);
    manifest.add(
        "config",
        descriptor(
            oci
                ? "application/vnd.oci.image.config.v1+json"
                : "application/vnd.docker.container.image.v1+json",
            configBlob));
    JsonArray layers = new JsonArray();
    layers.add(
        descriptor(
            oci
                ? "application/vnd.oci.image.layer.v1.tar+gzip"
                : "application/vnd.docker.image.rootfs.diff.tar.gzip",
            layer));
    manifest.add("layers", layers);
    return new Image(
        mediaType,
        GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8),
        List.of(configBlob, layer),
        List.of());
  }

  /** An index (OCI or Docker manifest list) over images of the given architectures, in order. */
  public static Image index(String mediaType, List<String> architectures, List<Image> images) {
    JsonArray manifests = new JsonArray();
    List<Image> platforms = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      Image image = images.get(i);
      JsonObject entry = descriptor(image.mediaType(), image.manifest());
      JsonObject platform = new JsonObject();
      platform.addProperty("architecture", architectures.get(i));
      platform.addProperty("os", "linux");
      entry.add("platform", platform);
      manifests.add(entry);
      platforms.add(image);
    }
    JsonObject index = new JsonObject();
    index.addProperty("schemaVersion", 2);
    index.addProperty("mediaType", mediaType);
    index.add("manifests", manifests);
    return new Image(
        mediaType, GSON.toJson(index).getBytes(StandardCharsets.UTF_8), List.of(), platforms);
  }

  private static JsonObject descriptor(String mediaType, byte[] content) {
    JsonObject d = new JsonObject();
    d.addProperty("mediaType", mediaType);
    d.addProperty("digest", digest(content));
    d.addProperty("size", content.length);
    return d;
  }

  public static String digest(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
