package io.mcpoperator.operator.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          alpine                                | docker.io        | library/alpine     | latest  | registry-1.docker.io | false
          mcp/time:1.2                          | docker.io        | mcp/time           | 1.2     | registry-1.docker.io | false
          docker.io/mcp/time                    | docker.io        | mcp/time           | latest  | registry-1.docker.io | false
          index.docker.io/library/node:22       | docker.io        | library/node       | 22      | registry-1.docker.io | false
          ghcr.io/org/team/srv:v1               | ghcr.io          | org/team/srv       | v1      | ghcr.io              | false
          registry.example.com:5000/srv         | registry.example.com:5000 | srv       | latest  | registry.example.com:5000 | false
          localhost:5000/a/b:c                  | localhost:5000   | a/b                | c       | localhost:5000       | true
          127.0.0.1:41000/mcp/echo:1            | 127.0.0.1:41000  | mcp/echo           | 1       | 127.0.0.1:41000      | true
          """)
  void splitsRegistryRepositoryAndTag(
      String reference,
      String registry,
      String repository,
      String tag,
      String apiHost,
      boolean loopback) {
    ImageReference image = ImageReference.parse(reference);

    assertThat(image.registry()).isEqualTo(registry);
    assertThat(image.repository()).isEqualTo(repository);
    assertThat(image.reference()).isEqualTo(tag);
    assertThat(image.apiHost()).isEqualTo(apiHost);
    assertThat(image.loopback()).isEqualTo(loopback);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "mcp/git@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "mcp/git:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
  })
  void aDigestWinsOverATag(String reference) {
    ImageReference image = ImageReference.parse(reference);

    assertThat(image.repository()).isEqualTo("mcp/git");
    assertThat(image.reference()).startsWith("sha256:0123");
    assertThat(image.tag()).isEmpty();
    assertThat(image.toString()).isEqualTo("docker.io/mcp/git@" + image.reference());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                      | is empty or has spaces
          'mcp/ time'             | is empty or has spaces
          MCP/Time                | malformed repository
          mcp/time:bad/tag        | malformed repository
          mcp/time:-x             | malformed tag
          mcp/time@sha256:xyz     | malformed digest
          mcp//time               | malformed repository
          """)
  void malformedReferencesSayWhatIsWrong(String reference, String message) {
    assertThatThrownBy(() -> ImageReference.parse(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
