package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with a checked-in file; {@code -Dgolden.update=true} rewrites the file
 * instead (review the diff before committing it).
 */
public final class Golden {
  public static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void assertMatches(Path file, String actual) {
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
        return;
      }
      assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", file).exists();
      assertThat(actual)
          .as("%s differs from the generated output (regenerate with -Dgolden.update=true)", file)
          .isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
