package io.mcpoperator.operator.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests named by {@code -f}: a file, every *.yaml / *.yml below a directory (sorted), or
 * stdin for {@code -}. Every unreadable path is reported; reading goes on with the others.
 */
final class RenderInputs {
  static final String STDIN = "-";
  static final String STDIN_NAME = "<stdin>";

  private RenderInputs() {}

  /** What was read: the objects, and how many files (or streams) they came from. */
  record Inputs(List<Manifest> manifests, int sources) {}

  static Inputs read(List<String> paths, InputStream stdin, RenderProblems problems) {
    List<Manifest> manifests = new ArrayList<>();
    int sources = 0;
    for (String path : paths) {
      if (path.equals(STDIN)) {
        sources++;
        problems.source(STDIN_NAME);
        text(STDIN_NAME, stdin, problems)
            .ifPresent(t -> manifests.addAll(ManifestReader.read(STDIN_NAME, t, problems)));
        continue;
      }
      for (Path file : files(Path.of(path), problems)) {
        sources++;
        problems.source(file.toString());
        text(file, problems)
            .ifPresent(t -> manifests.addAll(ManifestReader.read(file.toString(), t, problems)));
      }
    }
    return new Inputs(List.copyOf(manifests), sources);
  }

  private static List<Path> files(Path path, RenderProblems problems) {
    problems.source(path.toString());
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      problems.error(Place.of(path.toString()), "no such file or directory");
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException | RuntimeException e) {
      problems.error(Place.of(path.toString()), "cannot list the directory: " + reason(e));
      return List.of();
    }
  }

  private static Optional<StringReader> text(Path file, RenderProblems problems) {
    try (InputStream in = Files.newInputStream(file)) {
      return text(file.toString(), in, problems);
    } catch (IOException e) {
      problems.error(Place.of(file.toString()), "cannot be read: " + reason(e));
      return Optional.empty();
    }
  }

  private static Optional<StringReader> text(
      String source, InputStream in, RenderProblems problems) {
    try {
      return Optional.of(
          new StringReader(
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(in.readAllBytes()))
                  .toString()));
    } catch (CharacterCodingException e) {
      problems.error(Place.of(source), "is not UTF-8 text");
    } catch (IOException e) {
      problems.error(Place.of(source), "cannot be read: " + reason(e));
    }
    return Optional.empty();
  }

  private static String reason(Exception e) {
    return switch (e) {
      case NoSuchFileException n -> "no such file or directory";
      case AccessDeniedException a -> "permission denied";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
