package dev.schemagate.webhooks.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.review.Decision;
import org.junit.jupiter.api.Test;

/** A refused credential is denied as such, not as an outage to wait out. */
class FailurePolicyTest {

  @Test
  void shouldDenyARefusedCredentialNamingTheSettingsToCheckRatherThanAskingToRetry() {
    Decision decision =
        FailurePolicy.CLOSED.decide(
            new WebhookException(
                WebhookException.Reason.REGISTRY_NOT_AUTHORIZED,
                "registry http://r:8081: read versions of 'x': not authorized (HTTP 401)"));

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Denied.class,
            denied ->
                assertThat(denied.message())
                    .contains("refused the webhooks' credentials")
                    .contains("SCHEMAGATE_REGISTRY_USER")
                    .contains("HTTP 401")
                    .doesNotContain("retry when it is back"));
  }

  @Test
  void shouldStillAskToRetryWhenTheRegistryIsDown() {
    Decision decision =
        FailurePolicy.CLOSED.decide(
            new WebhookException(WebhookException.Reason.REGISTRY_UNAVAILABLE, "no answer"));

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Denied.class,
            denied -> assertThat(denied.message()).contains("retry when it is back"));
  }
}
