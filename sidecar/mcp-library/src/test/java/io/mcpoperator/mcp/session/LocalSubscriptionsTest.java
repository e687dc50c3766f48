package io.mcpoperator.mcp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalSubscriptionsTest {

  @Test
  void listenersHearFollowedAndAbandonedInTheOrderTheChangesHappened() throws Exception {
    var subscriptions = new LocalSubscriptions();
    // what an upstream would be told: subscribed (1) or not (0); never twice, never below zero
    var told = new AtomicInteger();
    var wrong = new AtomicInteger();
    subscriptions.listen(
        new ResourceSubscriptions.Listener() {
          @Override
          public void followed(String uri) {
            if (told.incrementAndGet() != 1) {
              wrong.incrementAndGet();
            }
          }

          @Override
          public void abandoned(String uri) {
            if (told.decrementAndGet() != 0) {
              wrong.incrementAndGet();
            }
          }
        });
    var start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (String session : List.of("s1", "s2", "s3", "s4")) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    for (int i = 0; i < 20_000; i++) {
                      subscriptions.subscribe("test://a", session);
                      subscriptions.unsubscribe("test://a", session);
                    }
                  }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(wrong.get()).as("out-of-order followed/abandoned").isZero();
    assertThat(told.get()).isZero();
    assertThat(subscriptions.subscribers("test://a")).isEmpty();
  }
}
