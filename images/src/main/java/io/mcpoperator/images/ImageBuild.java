package io.mcpoperator.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link ImageSpec} and its {@link Layer}s into an image with Jib, without a Docker
 * daemon: a docker-archive tar ({@code docker load}, {@code k3d image import}) and, when asked, the
 * same image pushed to a registry. File times and the creation time are fixed, so the same inputs
 * give the same image digest.
 */
final class ImageBuild {

  /** Fixed file modification time (Jib's default) and image creation time. */
  static final Instant FILE_TIME = Instant.ofEpochSecond(1);

  private ImageBuild() {}

  /** The image's config: what {@code docker inspect} shows besides the layers. */
  static JibContainerBuilder container(ImageSpec spec, List<Layer> layers, String revision) {
    JibContainerBuilder builder = Jib.fromScratch().setFormat(ImageFormat.Docker);
    for (Layer layer : layers) {
      FileEntriesLayer.Builder files = FileEntriesLayer.builder().setName(layer.name());
      for (Layer.Entry entry : layer.entries()) {
        files.addEntry(
            entry.source(),
            AbsoluteUnixPath.get(entry.target()),
            FilePermissions.fromOctalString(entry.mode()),
            FILE_TIME);
      }
      builder.addFileEntriesLayer(files.build());
    }
    Set<Port> ports = new LinkedHashSet<>();
    spec.ports().forEach(p -> ports.add(Port.tcp(p)));
    return builder
        .setEntrypoint(spec.entrypoint())
        .setProgramArguments(spec.cmd())
        .setEnvironment(environment(spec))
        .setUser(spec.user())
        .setWorkingDirectory(AbsoluteUnixPath.get("/tmp"))
        .setExposedPorts(ports)
        .setLabels(labels(spec, revision))
        .setCreationTime(FILE_TIME);
  }

  static Map<String, String> environment(ImageSpec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", LayerPlan.JAVA_HOME + "/bin:/usr/local/bin:/usr/bin:/bin");
    env.put("JAVA_HOME", LayerPlan.JAVA_HOME);
    env.putAll(spec.env());
    return env;
  }

  static Map<String, String> labels(ImageSpec spec, String revision) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", spec.title());
    labels.put("org.opencontainers.image.description", spec.description());
    labels.put("org.opencontainers.image.version", spec.tag());
    labels.put("org.opencontainers.image.source", "https://github.com/mcp-operator/mcp-operator");
    labels.put("org.opencontainers.image.vendor", "MCP Operator");
    if (revision != null && !revision.isBlank()) {
      labels.put("org.opencontainers.image.revision", revision);
    }
    return labels;
  }

  /** Writes {@code spec} as a docker-archive tar at {@code tar}; returns the built container. */
  static JibContainer toTar(JibContainerBuilder container, ImageSpec spec, Path tar, Path cache)
      throws Exception {
    return container.containerize(
        Containerizer.to(TarImage.at(tar).named(spec.reference()))
            .setApplicationLayersCache(cache)
            .setBaseImageLayersCache(cache)
            .setToolName("mcp-images"));
  }

  /**
   * Pushes {@code spec} to {@code registryPrefix + title:tag} (e.g. {@code
   * 127.0.0.1:5000/mcp-operator/mcp-gateway:0.1.0}); plain HTTP is allowed for loopback only.
   */
  static JibContainer push(
      JibContainerBuilder container, ImageSpec spec, String registryPrefix, Path cache)
      throws Exception {
    ImageReference target = pushReference(registryPrefix, spec);
    return container.containerize(
        Containerizer.to(RegistryImage.named(target))
            .setApplicationLayersCache(cache)
            .setBaseImageLayersCache(cache)
            .setAllowInsecureRegistries(isLoopback(target.getRegistry()))
            .setToolName("mcp-images"));
  }

  static ImageReference pushReference(String registryPrefix, ImageSpec spec)
      throws InvalidImageReferenceException {
    String prefix = registryPrefix.endsWith("/") ? registryPrefix : registryPrefix + "/";
    return ImageReference.parse(prefix + spec.title() + ":" + spec.tag());
  }

  static boolean isLoopback(String registry) {
    String host = registry.replaceFirst(":\\d+$", "");
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }
}
