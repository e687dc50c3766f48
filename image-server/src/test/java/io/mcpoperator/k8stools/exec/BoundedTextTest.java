package io.mcpoperator.k8stools.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedTextTest {

  @Test
  void keepsEverythingUnderTheLimit() {
    BoundedText text = new BoundedText(10);
    text.drain(stream("0123456789"));
    assertThat(text.text()).isEqualTo("0123456789");
    assertThat(text.truncated()).isFalse();
  }

  @Test
  void cutsAtTheLimitAndSaysSo() {
    BoundedText text = new BoundedText(10);
    text.drain(stream("0123456789X".repeat(5000)));
    assertThat(text.text()).isEqualTo("0123456789");
    assertThat(text.truncated()).isTrue();
  }

  @Test
  void countsCharactersNotBytes() {
    BoundedText text = new BoundedText(3);
    text.drain(stream("äöü"));
    assertThat(text.text()).isEqualTo("äöü");
    assertThat(text.truncated()).isFalse();
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
