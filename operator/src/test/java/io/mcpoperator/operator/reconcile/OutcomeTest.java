package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void theLogNamesEachOutcomeByTheWordsItUsedBefore() {
    assertThat(Arrays.stream(Outcome.values()).map(Outcome::toString))
        .containsExactly(
            "applied",
            "unchanged",
            "resolving-image",
            "image-unresolved",
            "registry-unresolved",
            "auth-unresolved",
            "invalid-spec",
            "requeued",
            "deleting",
            "waiting-for-pods",
            "finalizer-released",
            "finalizer-released-timeout",
            "gone");
    assertThat(Pass.gone().isGone()).isTrue();
    assertThat(Pass.retry("boom").isGone()).isFalse();
  }
}
