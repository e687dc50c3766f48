package io.mcpoperator.k8stools.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.command.ToolFailure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KubeconfigDecoderTest {
  static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: test-cluster
        cluster: {server: "https://127.0.0.1:6443"}
      contexts: []
      users: []
      """;

  @Test
  void decodesStandardUrlSafeAndWrappedBase64() {
    byte[] raw = KUBECONFIG.getBytes(StandardCharsets.UTF_8);
    String standard = Base64.getEncoder().encodeToString(raw);
    String mime = Base64.getMimeEncoder().encodeToString(raw);
    String url = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    assertThat(KubeconfigDecoder.decode(standard)).isEqualTo(raw);
    assertThat(KubeconfigDecoder.decode(mime)).isEqualTo(raw);
    assertThat(KubeconfigDecoder.decode(url)).isEqualTo(raw);
  }

  @Test
  void acceptsJsonKubeconfigs() {
    String json = "{\"kind\":\"Config\",\"apiVersion\":\"v1\"}";
    assertThat(KubeconfigDecoder.decode(b64(json)))
        .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachBadInputIsAnAuthErrorWithItsOwnMessage() {
    assertAuthError("not base64!", "not valid base64");
    assertAuthError(" ", "empty");
    assertAuthError(
        Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}), "not text");
    assertAuthError(b64("clusters: [unclosed"), "not valid YAML");
    assertAuthError(b64("hello world"), "not a kubeconfig");
    assertAuthError(b64("a: 1"), "not a kubeconfig");
    assertAuthError(
        Base64.getEncoder().encodeToString(new byte[KubeconfigDecoder.MAX_BYTES + 1]),
        "larger than");
  }

  private static void assertAuthError(String input, String message) {
    assertThatThrownBy(() -> KubeconfigDecoder.decode(input))
        .isInstanceOfSatisfying(
            ToolFailure.class,
            f -> {
              assertThat(f.code()).isEqualTo(ErrorCode.AUTH_ERROR);
              assertThat(f.httpStatus()).isEqualTo(400);
            })
        .hasMessageContaining(message);
  }

  static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
