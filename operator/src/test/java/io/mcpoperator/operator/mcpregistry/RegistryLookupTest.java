package io.mcpoperator.operator.mcpregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A server looked up by name and version in a synced catalog. */
class RegistryLookupTest {
  private static final RegistryLookup LOOKUP =
      new RegistryLookup(new EntryMapping(RuntimeImages.defaults()));

  private static Catalog catalog() {
    return Catalog.of(
        LoopbackRegistry.FIXTURES.stream()
            .map(f -> new Gson().fromJson(LoopbackRegistry.fixture(f), RegistryEntry.class))
            .toList());
  }

  static Stream<Arguments> cases() {
    Optional<Catalog> synced = Optional.of(catalog());
    return Stream.of(
        Arguments.of(
            Optional.empty(),
            "io.github.microsoft/playwright-mcp",
            "latest",
            "RegistryUnavailable",
            "registry \"official\" has no data yet"),
        Arguments.of(
            synced,
            "io.github.nobody/nothing",
            "latest",
            "ServerNotFound",
            "server \"io.github.nobody/nothing\" not found in registry \"official\""),
        Arguments.of(
            synced,
            "io.github.github/github-mcp-server",
            "9.9.9",
            "VersionNotFound",
            "known: 0.19.0, 0.20.1"),
        Arguments.of(
            synced, "io.github.example/removed-tool", "latest", "ServerNotFound", "removed-tool"),
        Arguments.of(
            synced,
            "io.github.example/dotnet-tool",
            "1.0.0",
            "UnsupportedPackageType",
            "offers [nuget]"));
  }

  @ParameterizedTest(name = "{1}@{2}: {3}")
  @MethodSource("cases")
  void refusesWithTheReasonAndSaysWhy(
      Optional<Catalog> catalog, String name, String version, String reason, String message) {
    Resolution resolution =
        LOOKUP.resolve(
            "official", catalog, name, version, PackageType.DEFAULT_PREFERENCE, Inputs.none());

    assertThat(resolution)
        .isInstanceOfSatisfying(
            Resolution.Refused.class,
            r -> {
              assertThat(r.reason().word()).isEqualTo(reason);
              assertThat(r.message()).contains(message);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void latestAndPinnedVersionsResolve(String version, String image) {
    Resolution resolution =
        LOOKUP.resolve(
            "official",
            Optional.of(catalog()),
            "io.github.github/github-mcp-server",
            version,
            PackageType.DEFAULT_PREFERENCE,
            new Inputs(java.util.Map.of(), Optional.of("gh")));

    assertThat(((Resolution.Resolved) resolution).spec().image()).contains(image);
  }

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of("latest", "ghcr.io/github/github-mcp-server:0.20.1"),
        Arguments.of(
            "0.19.0",
            "ghcr.io/github/github-mcp-server@sha256:1111111111111111111111111111111111111111111111111111111111111111"));
  }
}
