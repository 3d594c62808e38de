package dev.schemagate.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotionReviewTest {
  private final PromotionReview strict = new PromotionReview(EnvironmentGraph.DEFAULT);
  private final PromotionReview hotfixes =
      new PromotionReview(EnvironmentGraph.parse("dev, staging, prod", "dev->prod"));

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "dev, staging, allowed,",
    "staging, prod, allowed,",
    "dev, prod, denied, promote to staging first",
    "prod, staging, denied, promotions go forward",
    "dev, dev, denied, promotions go forward",
    "qa, prod, denied, unknown environment \"qa\"",
    "dev, live, denied, unknown environment \"live\""
  })
  void shouldOnlyLetPromotionsMoveOneStepForward(
      String from, String to, String outcome, String message) {
    Decision decision = strict.route(from, to);
    assertThat(decision.allowed()).isEqualTo(outcome.equals("allowed"));
    if (message != null) {
      assertThat(((Decision.Denied) decision).message()).contains(message);
      assertThat(((Decision.Denied) decision).reason()).isEqualTo(DenialReason.INVALID_PROMOTION);
    }
  }

  @Test
  void shouldAllowASkipOnlyWhereConfigured() {
    assertThat(hotfixes.route("dev", "prod").allowed()).isTrue();
    assertThat(hotfixes.route("prod", "dev").allowed()).isFalse();
  }

  @Test
  void shouldRefuseAVersionTheSourceDoesNotHave() {
    Decision decision =
        strict.review(new PromotionRequest("orders-value", 4, "dev", "staging"), List.of(1, 2, 3));
    assertThat(decision).isInstanceOf(Decision.Denied.class);
    assertThat(((Decision.Denied) decision).reason()).isEqualTo(DenialReason.NOT_FOUND);
    assertThat(((Decision.Denied) decision).message())
        .isEqualTo(
            "version 4 of subject \"orders-value\" is not registered in dev (it has versions"
                + " [1, 2, 3])");
  }

  @Test
  void shouldAllowAVersionTheSourceHas() {
    assertThat(
            strict
                .review(new PromotionRequest("orders-value", 2, "dev", "staging"), List.of(1, 2))
                .allowed())
        .isTrue();
  }

  @Test
  void shouldRefuseAConfigurationWithUnknownOrRepeatedEnvironments() {
    assertThatThrownBy(() -> EnvironmentGraph.parse("dev,staging,dev", ""))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> EnvironmentGraph.parse("dev,prod", "dev->qa"))
        .hasMessageContaining("unknown environment");
    assertThatThrownBy(() -> EnvironmentGraph.parse("dev,prod", "dev=prod"))
        .hasMessageContaining("from->to");
  }
}
