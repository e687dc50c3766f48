package io.mcpoperator.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerConfigTest {

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String auth(String userPassword) {
    return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://index.docker.io/v1/, docker.io",
    "docker.io, docker.io",
    "registry-1.docker.io, docker.io",
    "ghcr.io, ghcr.io",
    "https://registry.example.com:5000/v2/, registry.example.com:5000"
  })
  void findsTheAuthOfARegistryUnderAnyOfItsNames(String key, String registry) {
    byte[] config =
        bytes("{\"auths\": {\"" + key + "\": {\"auth\": \"" + auth("robot:pa:ss") + "\"}}}");

    assertThat(DockerConfig.find(config, registry)).contains(new Credential("robot", "pa:ss"));
  }

  @Test
  void usernameAndPasswordFieldsAndTheOldDockercfgFormatWork() {
    assertThat(
            DockerConfig.find(
                bytes("{\"auths\": {\"ghcr.io\": {\"username\": \"u\", \"password\": \"p\"}}}"),
                "ghcr.io"))
        .contains(new Credential("u", "p"));
    assertThat(
            DockerConfig.find(
                bytes("{\"quay.io\": {\"auth\": \"" + auth("q:w") + "\"}}"), "quay.io"))
        .contains(new Credential("q", "w"));
  }

  @Test
  void otherRegistriesAndBrokenFilesGiveNoCredential() {
    assertThat(
            DockerConfig.find(
                bytes("{\"auths\": {\"ghcr.io\": {\"auth\": \"" + auth("u:p") + "\"}}}"),
                "quay.io"))
        .isEmpty();
    assertThat(DockerConfig.find(bytes("not json"), "ghcr.io")).isEqualTo(Optional.empty());
    assertThat(DockerConfig.find(bytes("[]"), "ghcr.io")).isEmpty();
    assertThat(
            DockerConfig.find(bytes("{\"auths\": {\"ghcr.io\": {\"auth\": \"%%%\"}}}"), "ghcr.io"))
        .isEmpty();
    assertThat(
            DockerConfig.find(
                bytes("{\"auths\": {\"ghcr.io\": {\"auth\": \"" + auth("nocolon") + "\"}}}"),
                "ghcr.io"))
        .isEmpty();
  }

  @Test
  void aCredentialNeverPrintsItsPassword() {
    assertThat(new Credential("u", "hunter2").toString()).doesNotContain("hunter2");
  }

  @Test
  void challengesAreParsedWithQuotedAndBareParameters() {
    Challenge bearer =
        Challenge.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/node:pull\"");
    assertThat(bearer.scheme()).isEqualTo("Bearer");
    assertThat(bearer.realm()).isEqualTo("https://auth.docker.io/token");
    assertThat(bearer.param("scope")).contains("repository:library/node:pull");

    Challenge basic = Challenge.parse("Basic realm=registry");
    assertThat(basic.scheme()).isEqualTo("Basic");
    assertThat(basic.realm()).isEqualTo("registry");
    assertThat(basic.param("service")).isEmpty();
  }
}
