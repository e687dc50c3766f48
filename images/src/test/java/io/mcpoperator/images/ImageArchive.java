package io.mcpoperator.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A docker-archive image tar ({@code docker save} format) read the way a container runtime reads
 * it: manifest, config, and the layers unpacked in order into a root file system.
 */
final class ImageArchive {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path extracted;
  private final JsonNode manifest;
  private final JsonNode config;

  private ImageArchive(Path extracted, JsonNode manifest, JsonNode config) {
    this.extracted = extracted;
    this.manifest = manifest;
    this.config = config;
  }

  /** Unpacks the outer tar into {@code work} and reads its manifest and config. */
  static ImageArchive open(Path tar, Path work) throws IOException {
    Files.createDirectories(work);
    try (InputStream in = Files.newInputStream(tar)) {
      untar(in, work, false);
    }
    JsonNode manifest = JSON.readTree(work.resolve("manifest.json").toFile()).get(0);
    JsonNode config = JSON.readTree(work.resolve(manifest.get("Config").asText()).toFile());
    return new ImageArchive(work, manifest, config);
  }

  List<String> repoTags() {
    return strings(manifest.get("RepoTags"));
  }

  /** Layer file names, which are their digests: equal names are the same layer. */
  List<String> layers() {
    return strings(manifest.get("Layers"));
  }

  /**
   * The runtime part of the config: Env, Entrypoint, Cmd, User, WorkingDir, ExposedPorts, Labels.
   */
  JsonNode config() {
    return config.get("config");
  }

  List<String> env() {
    return strings(config().get("Env"));
  }

  List<String> entrypoint() {
    return strings(config().get("Entrypoint"));
  }

  List<String> cmd() {
    return config().hasNonNull("Cmd") ? strings(config().get("Cmd")) : List.of();
  }

  String user() {
    return config().get("User").asText();
  }

  /** Unpacks every layer, in order, into {@code root}. */
  Path unpack(Path root) throws IOException {
    Files.createDirectories(root);
    for (String layer : layers()) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(extracted.resolve(layer)))) {
        untar(in, root, true);
      }
    }
    return root;
  }

  private static void untar(InputStream in, Path into, boolean modes) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("layer entry outside the root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          continue;
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (modes) {
          Files.setPosixFilePermissions(target, permissions(entry.getMode()));
        }
      }
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }
}
