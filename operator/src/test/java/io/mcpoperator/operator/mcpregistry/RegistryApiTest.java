package io.mcpoperator.operator.mcpregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.operator.mcpregistry.RegistryApiException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryApiTest {
  private LoopbackRegistry registry;
  private final List<String> observed = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    registry = LoopbackRegistry.withFixtures();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private RegistryApi api(Duration timeout, Optional<String> token) {
    return new RegistryApi(
        RegistryApi.defaultHttp(),
        registry.uri(),
        "v0.1",
        token,
        timeout,
        (operation, code, took) -> observed.add(operation + " " + code));
  }

  private RegistryApi api() {
    return api(Duration.ofSeconds(5), Optional.empty());
  }

  @Test
  void listsEveryPageFollowingTheCursorAndSkipsDeletedEntries() throws Exception {
    List<RegistryEntry> all = api().list(ListQuery.all().limit(3));

    assertThat(all)
        .extracting(RegistryEntry::key)
        .containsExactly(
            "io.github.example/dotnet-tool@1.0.0",
            "io.github.example/legacy-notes@1.4.0",
            "io.github.github/github-mcp-server@0.19.0",
            "io.github.github/github-mcp-server@0.20.1",
            "io.github.microsoft/playwright-mcp@0.1.0",
            "io.github.modelcontextprotocol/fetch@2025.4.7",
            "io.github.mongodb-js/mongodb-mcp-server@1.2.0",
            "io.github.user/remote-weather@2.1.0+build.7");
    assertThat(observed).containsExactly("list 200", "list 200", "list 200");
    assertThat(registry.requests().get(1).getRawQuery())
        .isEqualTo("limit=3&cursor=io.github.github%2Fgithub-mcp-server%3A0.19.0");
  }

  @Test
  void readsTheFieldsOfServerJsonAndIgnoresUnknownOnes() throws Exception {
    RegistryEntry entry = api().version("io.github.github/github-mcp-server", "latest");

    assertThat(entry.version()).isEqualTo("0.20.1");
    assertThat(entry.status()).isEqualTo("active");
    assertThat(entry.latest()).isTrue();
    assertThat(entry.updatedAt()).contains(Instant.parse("2025-10-20T10:00:00Z"));
    RegistryEntry.PackageSpec oci = entry.server().packages().getFirst();
    assertThat(oci.registryType()).isEqualTo("oci");
    assertThat(oci.runtimeArguments()).hasSize(7);
    assertThat(oci.runtimeArguments().get(3).variables().get("token").secret()).isTrue();
    assertThat(registry.requests().getFirst().getRawPath())
        .isEqualTo("/v0.1/servers/io.github.github%2Fgithub-mcp-server/versions/latest");
  }

  @Test
  void encodesAPlusInAVersion() throws Exception {
    RegistryEntry entry = api().version("io.github.user/remote-weather", "2.1.0+build.7");

    assertThat(entry.server().remotes()).hasSize(2);
    assertThat(registry.requests().getFirst().getRawPath()).endsWith("/versions/2.1.0%2Bbuild.7");
  }

  @Test
  void searchesAndAsksForLatestOnly() throws Exception {
    List<RegistryEntry> found = api().list(ListQuery.all().search("github-mcp").latestOnly(true));

    assertThat(found)
        .extracting(RegistryEntry::key)
        .containsExactly("io.github.github/github-mcp-server@0.20.1");
    assertThat(registry.requests().getFirst().getRawQuery())
        .isEqualTo("limit=100&search=github-mcp&version=latest");
  }

  @Test
  void updatedSinceReturnsOnlyNewerEntriesDeletedOnesIncluded() throws Exception {
    List<RegistryEntry> changed =
        api().list(ListQuery.all().updatedSince(Instant.parse("2025-11-10T00:00:00Z")));

    assertThat(changed)
        .extracting(RegistryEntry::key, RegistryEntry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("io.github.example/removed-tool@0.3.0", "deleted"),
            org.assertj.core.groups.Tuple.tuple(
                "io.github.user/remote-weather@2.1.0+build.7", "active"));
  }

  @Test
  void listsVersionsNewestFirst() throws Exception {
    assertThat(api().versions("io.github.github/github-mcp-server"))
        .extracting(RegistryEntry::version)
        .containsExactly("0.20.1", "0.19.0");
  }

  @Test
  void anUnknownServerIsNotFoundWithTheRegistrysDetail() {
    assertThatThrownBy(() -> api().version("io.github.nobody/nothing", "latest"))
        .isInstanceOfSatisfying(
            RegistryApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessageContaining("HTTP 404: Server not found");
    assertThat(observed).containsExactly("version 404");
  }

  @Test
  void aServerErrorIsUnavailable() {
    registry.failWith(503);

    assertThatThrownBy(() -> api().list(ListQuery.all()))
        .isInstanceOfSatisfying(
            RegistryApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessageContaining("HTTP 503: registry failing on purpose");
  }

  @Test
  void aSlowRegistryTimesOut() {
    registry.delay(Duration.ofMillis(800));

    assertThatThrownBy(() -> api(Duration.ofMillis(200), Optional.empty()).list(ListQuery.all()))
        .isInstanceOfSatisfying(
            RegistryApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessageContaining("did not answer within");
    assertThat(observed).containsExactly("list timeout");
  }

  @Test
  void anUnreachableRegistryIsUnavailable() {
    registry.close();

    assertThatThrownBy(() -> api().list(ListQuery.all()))
        .isInstanceOfSatisfying(
            RegistryApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessageContaining("unreachable");
  }

  @Test
  void anAnswerThatIsNotTheApisJsonIsInvalidData() {
    registry.answerWith("<html>captive portal</html>");

    assertThatThrownBy(() -> api().list(ListQuery.all()))
        .isInstanceOfSatisfying(
            RegistryApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA))
        .hasMessageContaining("cannot read");
  }

  @Test
  void anEntryWithoutAVersionIsInvalidData() {
    registry.answerWith("{\"servers\":[{\"server\":{\"name\":\"a/b\"}}],\"metadata\":{}}");

    assertThatThrownBy(() -> api().list(ListQuery.all()))
        .isInstanceOfSatisfying(
            RegistryApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA))
        .hasMessageContaining("without server name or version");
  }

  @Test
  void sendsTheTokenAsABearer() throws Exception {
    api(Duration.ofSeconds(5), Optional.of("s3cret")).list(ListQuery.all());

    assertThat(registry.authorizations()).containsExactly("Bearer s3cret");
  }

  @Test
  void refusesAPageSizeAboveTheApisLimit() {
    assertThatThrownBy(() -> ListQuery.all().limit(101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
