package io.mcpoperator.operator.crd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * An OLM bundle directory read the way operator-sdk reads it: the documents of {@code manifests/},
 * the {@code annotations} of {@code metadata/}, and the sizes the bundle validator measures. The
 * edit methods return changed copies, so tests can break one thing at a time.
 *
 * @param directories the bundle's top-level directories
 * @param csv the ClusterServiceVersion, or {@code null} when manifests/ holds none
 * @param crds the CustomResourceDefinitions of manifests/
 * @param others every other document of manifests/
 * @param annotations the map under {@code annotations:} of metadata/, or {@code null} when absent
 * @param size bytes of the files of manifests/
 * @param compressedSize their gzip+base64 size, as operator-framework/api's bundle loader counts
 */
record OlmBundle(
    Set<String> directories,
    Map<String, Object> csv,
    List<Map<String, Object>> crds,
    List<Map<String, Object>> others,
    Map<String, Object> annotations,
    long size,
    long compressedSize) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static OlmBundle load(Path dir) {
    Set<String> directories = new TreeSet<>();
    Map<String, Object> csv = null;
    List<Map<String, Object>> crds = new ArrayList<>();
    List<Map<String, Object>> others = new ArrayList<>();
    long size = 0;
    long compressed = 0;
    try (Stream<Path> top = Files.list(dir)) {
      top.filter(Files::isDirectory).forEach(p -> directories.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path manifests = dir.resolve("manifests");
    if (Files.isDirectory(manifests)) {
      for (Path file : ProjectFiles.filesUnder(manifests, "")) {
        byte[] bytes = read(file);
        size += bytes.length;
        compressed += gzipBase64Length(bytes);
        for (Map<String, Object> doc : YamlTree.documents(file)) {
          switch (String.valueOf(doc.get("kind"))) {
            case "ClusterServiceVersion" -> csv = doc;
            case "CustomResourceDefinition" -> crds.add(doc);
            default -> others.add(doc);
          }
        }
      }
    }
    return new OlmBundle(
        directories, csv, crds, others, annotations(dir.resolve("metadata")), size, compressed);
  }

  /** The CSV's {@code spec}, empty when absent. */
  Map<String, Object> csvSpec() {
    Object spec = YamlTree.at(csv, "spec");
    return spec instanceof Map<?, ?> ? YamlTree.map(spec) : Map.of();
  }

  /** {@code spec.customresourcedefinitions.owned}, empty when absent. */
  List<Object> owned() {
    return listAt(csv, "spec", "customresourcedefinitions", "owned");
  }

  /** The CSV's metadata annotations, empty when absent. */
  Map<String, Object> csvAnnotations() {
    Object annotations = YamlTree.at(csv, "metadata", "annotations");
    return annotations instanceof Map<?, ?> ? YamlTree.map(annotations) : Map.of();
  }

  /**
   * The custom resources of the {@code alm-examples} annotation (a JSON array), empty when there is
   * none; throws {@link IllegalArgumentException} with the parser's message when it is not a JSON
   * array of objects.
   */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> almExamples() {
    Object text = csvAnnotations().get("alm-examples");
    if (text == null || text.toString().isBlank()) {
      return List.of();
    }
    try {
      Object parsed = JSON.readValue(text.toString(), Object.class);
      if (!(parsed instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
        throw new IllegalArgumentException("alm-examples is not a JSON array of objects");
      }
      return (List<Map<String, Object>>) parsed;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage());
    }
  }

  /** The CRD whose spec.names.kind is {@code kind}. */
  Optional<Map<String, Object>> crd(String kind) {
    return crds.stream()
        .filter(c -> kind.equals(YamlTree.at(c, "spec", "names", "kind")))
        .findAny();
  }

  /** Containers of every Deployment of the install strategy. */
  List<Object> containers() {
    List<Object> out = new ArrayList<>();
    for (Object d : listAt(csvSpec(), "install", "spec", "deployments")) {
      out.addAll(listAt(d, "spec", "template", "spec", "containers"));
    }
    return out;
  }

  OlmBundle editCsv(Consumer<Map<String, Object>> edit) {
    Map<String, Object> copy = YamlTree.copyOf(csv);
    edit.accept(copy);
    return new OlmBundle(directories, copy, crds, others, annotations, size, compressedSize);
  }

  OlmBundle editAnnotations(Consumer<Map<String, Object>> edit) {
    Map<String, Object> copy = YamlTree.copyOf(annotations);
    edit.accept(copy);
    return new OlmBundle(directories, csv, crds, others, copy, size, compressedSize);
  }

  OlmBundle editCrd(String kind, Consumer<Map<String, Object>> edit) {
    List<Map<String, Object>> copies = new ArrayList<>();
    for (Map<String, Object> crd : crds) {
      Map<String, Object> copy = YamlTree.copyOf(crd);
      if (kind.equals(YamlTree.at(copy, "spec", "names", "kind"))) {
        edit.accept(copy);
      }
      copies.add(copy);
    }
    return new OlmBundle(directories, csv, copies, others, annotations, size, compressedSize);
  }

  OlmBundle withOther(Map<String, Object> doc) {
    List<Map<String, Object>> more = new ArrayList<>(others);
    more.add(doc);
    return new OlmBundle(directories, csv, crds, more, annotations, size, compressedSize);
  }

  OlmBundle withoutDirectory(String name) {
    Set<String> fewer = new TreeSet<>(directories);
    fewer.remove(name);
    return new OlmBundle(fewer, csv, crds, others, annotations, size, compressedSize);
  }

  OlmBundle withCompressedSize(long bytes) {
    return new OlmBundle(directories, csv, crds, others, annotations, size, bytes);
  }

  /** The list at a path, empty when absent or not a list. */
  static List<Object> listAt(Object root, Object... path) {
    return YamlTree.at(root, path) instanceof List<?> list ? new ArrayList<>(list) : List.of();
  }

  /** The string at a path, empty when absent. */
  static String text(Object root, Object... path) {
    Object value = YamlTree.at(root, path);
    return value == null ? "" : value.toString();
  }

  private static Map<String, Object> annotations(Path metadata) {
    if (!Files.isDirectory(metadata)) {
      return null;
    }
    for (Path file : ProjectFiles.filesUnder(metadata, "")) {
      for (Map<String, Object> doc : YamlTree.documents(file)) {
        if (doc.get("annotations") instanceof Map<?, ?> map) {
          return YamlTree.map(map);
        }
      }
    }
    return null;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long gzipBase64Length(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encode(out.toByteArray()).length;
  }
}
