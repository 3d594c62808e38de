package dev.schemagate.sdk.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Optional<JsonNode> drift(String json) throws Exception {
    return Optional.of(JSON.readTree(json));
  }

  @Test
  void shouldGiveTheDefaultsWhenTheContractSaysNothing() {
    assertThat(DriftPolicy.fromSpec(Optional.empty())).isEqualTo(DriftPolicy.DEFAULTS);
  }

  @Test
  void shouldLetAFieldOverrideOneThresholdAndInheritTheOthers() throws Exception {
    DriftPolicy policy =
        DriftPolicy.fromSpec(
            drift(
                """
                {"window": 500, "step": 50, "psi": 0.3, "nullRate": 0.05, "ksPValue": 0.01,
                 "fields": [{"field": "customer.country", "psi": 0.1}]}"""));

    assertThat(policy.window()).isEqualTo(500);
    assertThat(policy.step()).isEqualTo(50);
    assertThat(policy.thresholds("amount"))
        .isEqualTo(new DriftThresholds(0.3, 0.2, 0.05, 0.05, 0.01));
    assertThat(policy.thresholds("customer.country"))
        .isEqualTo(new DriftThresholds(0.1, 0.2, 0.05, 0.05, 0.01));
  }

  @Test
  void shouldNameTheBadValueAndItsPath() {
    assertThatThrownBy(() -> DriftPolicy.fromSpec(drift("{\"ks\": 1.5}")))
        .hasMessage("spec.drift.ks must be a number greater than 0 and at most 1, not 1.5");
    assertThatThrownBy(
            () -> DriftPolicy.fromSpec(drift("{\"fields\": [{\"field\": \"a\", \"psi\": -1}]}")))
        .hasMessage("spec.drift.fields[0].psi must be a number greater than 0, not -1");
    assertThatThrownBy(() -> DriftPolicy.fromSpec(drift("{\"fields\": [{\"psi\": 0.1}]}")))
        .hasMessage("spec.drift.fields[0].field is required: name the field");
    assertThatThrownBy(() -> DriftPolicy.fromSpec(drift("{\"ksPValue\": 1}")))
        .hasMessage("spec.drift.ksPValue must be a number greater than 0 and less than 1, not 1");
    assertThatThrownBy(() -> DriftPolicy.fromSpec(drift("{\"window\": \"lots\"}")))
        .hasMessage("spec.drift.window must be a whole number of records, not lots");
    assertThatThrownBy(() -> DriftPolicy.fromSpec(drift("{\"window\": 100, \"step\": 500}")))
        .hasMessageStartingWith("spec.drift: window must be at least 10 records and step");
    assertThatThrownBy(
            () ->
                DriftPolicy.fromSpec(
                    drift("{\"fields\": [{\"field\": \"a\"}, {\"field\": \"a\"}]}")))
        .hasMessage("spec.drift.fields[1].field 'a' is listed twice");
  }
}
