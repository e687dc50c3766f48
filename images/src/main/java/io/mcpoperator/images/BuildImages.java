package io.mcpoperator.images;

import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code BuildImages --project DIR --version V --output DIR [--push PREFIX] [--clis DIR]}: builds
 * the operator, gateway and image-server images from the packaged jars, without a Docker daemon, as
 * {@code <output>/<name>.tar} (docker-archive), and pushes them when {@code --push} names a
 * registry. Run by the images module in {@code package}; {@code make images} runs that.
 */
public final class BuildImages {

  static final String USAGE =
      """
      Usage: BuildImages --project DIR --version VERSION --output DIR
                         [--prefix ghcr.io/mcp-operator/] [--tag TAG] [--push REGISTRY/PREFIX]
                         [--clis DIR] [--jq FILE] [--revision GIT_SHA]
        --clis  a directory with kubectl, helm, istioctl, argocd for image-server (hack/images/clis.sh
                downloads them, checked against their published checksums); without it the image
                has no CLIs and image-server reports each as unavailable
        --jq    jq for image-server's output filters (default /usr/bin/jq when present)
      """;

  private BuildImages() {}

  public static void main(String[] args) {
    int exit = run(args, System.out, System.err);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** Parsed command line. */
  record Options(
      Path project,
      Path output,
      String prefix,
      String tag,
      String push,
      Path clis,
      Path jq,
      String revision) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("BuildImages: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      for (String line : build(options)) {
        out.println(line);
      }
      return 0;
    } catch (Exception e) {
      err.println("BuildImages: " + e.getMessage());
      return 1;
    }
  }

  static Options parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        value = args[++i];
      }
      if (!Set.of("project", "version", "output", "prefix", "tag", "push", "clis", "jq", "revision")
          .contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(name, value.strip());
    }
    for (String required : List.of("project", "version", "output")) {
      if (values.getOrDefault(required, "").isEmpty()) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    String tag = values.getOrDefault("tag", "");
    if (tag.isEmpty()) {
      tag = values.get("version").replace("-SNAPSHOT", "");
    }
    if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
      throw new IllegalArgumentException("--tag " + tag + " is not a valid image tag");
    }
    String jq = values.getOrDefault("jq", "");
    return new Options(
        Path.of(values.get("project")).toAbsolutePath().normalize(),
        Path.of(values.get("output")).toAbsolutePath().normalize(),
        values.getOrDefault("prefix", "ghcr.io/mcp-operator/"),
        tag,
        values.getOrDefault("push", ""),
        values.getOrDefault("clis", "").isEmpty() ? null : Path.of(values.get("clis")),
        jq.isEmpty() ? Path.of("/usr/bin/jq") : Path.of(jq),
        values.getOrDefault("revision", ""));
  }

  /** Builds every image; returns one summary line per image. */
  static List<String> build(Options options) throws Exception {
    if (options.clis() != null && !Files.isDirectory(options.clis())) {
      throw new IOException("--clis " + options.clis() + " is not a directory");
    }
    Path work = options.output().resolve("work");
    Files.createDirectories(work);
    Layer runtime = runtimeLayer(work);
    Set<Path> inRuntime = new LinkedHashSet<>();
    runtime.entries().forEach(e -> inRuntime.add(Path.of(e.target())));

    List<String> summary = new ArrayList<>();
    for (ImageSpec spec :
        ImageSpecs.all(
            options.project(), options.prefix(), options.tag(), options.clis(), options.jq())) {
      List<Layer> layers = new ArrayList<>();
      layers.add(runtime);
      if (!spec.tools().isEmpty()) {
        layers.add(
            LayerPlan.tools(spec.tools(), NativeLibraries.outside(spec.tools(), null), inRuntime));
      }
      layers.addAll(LayerPlan.application(spec));
      String aotNote = "";
      if (!spec.aotTraining().isEmpty()) {
        String unavailable = AotTraining.unavailableReason();
        if (unavailable.isEmpty()) {
          Path cache = AotTraining.train(spec, layers, work);
          layers.add(
              new Layer("aot-cache", List.of(new Layer.Entry(cache, spec.aotCache(), "644"))));
          spec = spec.withAotCache();
          aotNote = "  with AOT cache (" + (Files.size(cache) >> 20) + " MiB)";
        } else {
          aotNote = "  without AOT cache: " + unavailable;
        }
      }
      JibContainerBuilder container = ImageBuild.container(spec, layers, options.revision());
      Path tar = options.output().resolve(spec.title() + ".tar");
      JibContainer built = ImageBuild.toTar(container, spec, tar, work.resolve("cache"));
      String line =
          "%s  %s  %d MiB  %s"
              .formatted(spec.reference(), built.getDigest(), Files.size(tar) >> 20, tar);
      line += aotNote;
      if (!options.push().isEmpty()) {
        JibContainer pushed =
            ImageBuild.push(container, spec, options.push(), work.resolve("cache"));
        line += "  pushed " + pushed.getTargetImage() + "@" + pushed.getDigest();
      }
      List<String> missing = ImageSpecs.missingClis(spec);
      if (spec.title().equals("mcp-k8s-server") && !missing.isEmpty()) {
        line +=
            "  (without " + String.join(", ", missing) + ": pass --clis, see hack/images/clis.sh)";
      }
      summary.add(line);
    }
    return summary;
  }

  /** The runtime layer shared by the three images (one digest, stored once by a registry). */
  static Layer runtimeLayer(Path work) throws IOException {
    Path jre = JavaRuntime.link(work.resolve("jre"));
    Set<Path> libraries = NativeLibraries.outside(JavaRuntime.elfFiles(jre), jre);
    Path etc = work.resolve("etc");
    Map<String, Path> baseFiles = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : BaseFiles.contents().entrySet()) {
      Path staged = etc.resolve(Path.of(file.getKey()).getFileName().toString());
      Files.createDirectories(staged.getParent());
      Files.writeString(staged, file.getValue(), StandardCharsets.UTF_8);
      baseFiles.put(file.getKey(), staged);
    }
    Path empty = Files.createDirectories(work.resolve("empty"));
    return LayerPlan.runtime(jre, libraries, baseFiles, Path.of(LayerPlan.CA_BUNDLE), empty);
  }
}
