package dev.schemagate.webhooks.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FreshnessProbeTest {
  private final List<CompletableFuture<Integer>> sent = new ArrayList<>();
  private final FreshnessProbe<Integer> probe =
      new FreshnessProbe<>(
          () -> {
            CompletableFuture<Integer> request = new CompletableFuture<>();
            sent.add(request);
            return request;
          });

  @Test
  void shouldNeverAnswerAReviewWithARequestSentBeforeItArrived() {
    CompletableFuture<Integer> first = probe.request();
    CompletableFuture<Integer> second = probe.request(); // arrives while the first is in flight
    CompletableFuture<Integer> third = probe.request();
    assertThat(sent).hasSize(1);

    sent.get(0).complete(1); // the registry's answer to the first request
    assertThat(first).isCompletedWithValue(1);
    assertThat(second).isNotDone(); // it must wait for a request sent after it arrived
    assertThat(sent).hasSize(2);

    sent.get(1).complete(2);
    assertThat(second).isCompletedWithValue(2);
    assertThat(third).isCompletedWithValue(2); // shared: one request for both
    assertThat(sent).hasSize(2);
  }

  @Test
  void shouldPassAFailureOnToTheReviewsThatWaitedForIt() {
    probe.request();
    CompletableFuture<Integer> waiting = probe.request();
    sent.get(0).complete(1);
    sent.get(1).completeExceptionally(new IllegalStateException("registry down"));
    assertThat(waiting).isCompletedExceptionally();
    assertThat(probe.request()).isNotDone(); // and the next review asks again
    assertThat(sent).hasSize(3);
  }
}
