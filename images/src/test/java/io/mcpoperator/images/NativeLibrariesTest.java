package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

  static final String JAVA_LDD =
      """
      \tlinux-vdso.so.1 (0x00007ffd2f5f1000)
      \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f2c1c5a0000)
      \tlibjli.so => /opt/jre/bin/../lib/libjli.so (0x00007f2c1c590000)
      \tlibjvm.so => not found
      \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2c1c3af000)
      \t/lib64/ld-linux-x86-64.so.2 (0x00007f2c1c5c4000)
      """;

  @Test
  void parseTakesResolvedLibrariesAndTheLoaderButNotTheVdso() {
    NativeLibraries.Report report = NativeLibraries.parse(JAVA_LDD, Set.of("libjvm.so"));

    assertThat(report.libraries())
        .containsExactly(
            Path.of("/lib/x86_64-linux-gnu/libz.so.1"),
            Path.of("/opt/jre/bin/../lib/libjli.so"),
            Path.of("/lib/x86_64-linux-gnu/libc.so.6"),
            Path.of("/lib64/ld-linux-x86-64.so.2"));
    assertThat(report.missing()).isEmpty();
  }

  @Test
  void aLibraryNeitherOnTheMachineNorInsideIsMissing() {
    NativeLibraries.Report report = NativeLibraries.parse(JAVA_LDD, Set.of());

    assertThat(report.missing()).containsExactly("libjvm.so");
  }

  @Test
  void javaOfThisJdkNeedsGlibcAndTheLoaderFromOutsideOnly() throws IOException {
    Path jdk = Path.of(System.getProperty("java.home"));

    Set<Path> outside = NativeLibraries.outside(List.of(jdk.resolve("bin/java")), jdk);

    assertThat(outside).contains(Path.of("/lib64/ld-linux-x86-64.so.2"));
    assertThat(outside).allMatch(p -> !p.normalize().startsWith(jdk));
    assertThat(outside.stream().map(p -> p.getFileName().toString())).contains("libc.so.6");
  }

  @Test
  void anUnresolvableLibraryFailsNamingFileAndLibrary(@TempDir Path dir) throws IOException {
    // a copy of a JDK library outside its JDK: its libjvm.so dependency resolves nowhere
    Path jdk = Path.of(System.getProperty("java.home"));
    Path copy = Files.copy(jdk.resolve("lib/libjava.so"), dir.resolve("libjava.so"));

    assertThatThrownBy(() -> NativeLibraries.outside(List.of(copy), dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(copy + " needs libjvm.so, not found on this machine");
  }

  @Test
  void aStaticOrNonElfFileNeedsNothing(@TempDir Path dir) throws IOException {
    Path script = Files.writeString(dir.resolve("tool"), "#!/bin/sh\necho hi\n");

    assertThat(NativeLibraries.isElf(script)).isFalse();
    assertThat(NativeLibraries.isElf(dir)).isFalse();
    assertThat(NativeLibraries.outside(List.of(script), null)).isEmpty();
    assertThat(NativeLibraries.isElf(Path.of(System.getProperty("java.home"), "bin/java")))
        .isTrue();
  }
}
