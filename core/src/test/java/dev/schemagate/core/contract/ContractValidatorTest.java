package dev.schemagate.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> contractCases() throws IOException {
    return cases("contract-cases.json");
  }

  static Stream<Arguments> unreadableCases() throws IOException {
    return cases("unreadable-cases.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractCases")
  void shouldReportExactlyTheViolationsOfEachContractOnAvro(
      String name, JsonNode contract, List<String> expected) throws Exception {
    assertThat(paths(ContractReader.read(contract), schema(SchemaFormat.AVRO, "orders.avsc")))
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractCases")
  void shouldReportTheSameViolationsOnTheEquivalentJsonSchema(
      String name, JsonNode contract, List<String> expected) throws Exception {
    // The JSON Schema twin lacks currency and the customer's email and zip: adjust expectations.
    ParsedSchema json = schema(SchemaFormat.JSON, "orders.schema.json");
    List<String> actual = paths(ContractReader.read(contract), json);
    List<String> missingInJson = new ArrayList<>(actual);
    missingInJson.removeAll(expected);
    assertThat(actual).containsAll(expected);
    for (String extra : missingInJson) {
      assertThat(extra).matches("fields\\[\\d+]\\.name|quality\\[\\d+]\\.field");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableCases")
  void shouldRefuseUnreadableContractsNamingEachPath(
      String name, JsonNode contract, List<String> expected) {
    InvalidContractException refused =
        catchThrowableOfType(InvalidContractException.class, () -> ContractReader.read(contract));
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.violations()).extracting(ContractViolation::path).containsAll(expected);
  }

  @Test
  void shouldDenyWithEveryProblemInTheMessageAndSuggestANearMiss() throws Exception {
    JsonNode spec =
        JSON.readTree(
            """
            {"schemaRef": "orders", "owner": {"team": "checkout"},
             "quality": [{"field": "city", "rule": "not_null"},
                         {"field": "amount", "rule": "range", "params": {"min": 5, "max": 1}}]}
            """);
    Decision decision =
        ContractValidator.review(
            ContractReader.read(spec), schema(SchemaFormat.AVRO, "orders.avsc"));
    assertThat(decision).isInstanceOf(Decision.Denied.class);
    Decision.Denied denied = (Decision.Denied) decision;
    assertThat(denied.reason()).isEqualTo(DenialReason.INVALID_CONTRACT);
    assertThat(denied.message())
        .contains("2 problems")
        .contains("quality[0].field: field 'city' is not in the schema")
        .contains("did you mean 'customer.address.city'?")
        .contains("quality[1].params: min (5) is greater than max (1)");
  }

  @Test
  void shouldWarnWhenAValidContractDeclaresNoQualityRules() throws Exception {
    JsonNode spec = JSON.readTree("{\"schemaRef\": \"orders\", \"owner\": {\"team\": \"t\"}}");
    Decision decision =
        ContractValidator.review(
            ContractReader.read(spec), schema(SchemaFormat.AVRO, "orders.avsc"));
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.warnings()).singleElement().asString().contains("no quality rules");
  }

  @Test
  void shouldReadTheWholeModelFromItsJsonForm() throws Exception {
    JsonNode spec = (JsonNode) contractCases().findFirst().orElseThrow().get()[1];
    Contract contract = ContractReader.read(spec);
    assertThat(contract.owner()).get().extracting(Contract.Owner::team).isEqualTo("checkout");
    assertThat(contract.quality()).hasSize(7);
    assertThat(contract.quality().get(3).severity()).isEqualTo(Contract.Severity.WARN);
    assertThat(contract.quality().get(5).field()).isEmpty();
    assertThat(contract.consumers().getFirst().kind()).isEqualTo(Contract.ConsumerKind.DBT_MODEL);
    assertThat(contract.consumers().getFirst().criticality())
        .isEqualTo(Contract.Criticality.CRITICAL);
    assertThat(contract.consumers().get(1).criticality()).isEqualTo(Contract.Criticality.MEDIUM);
    assertThat(contract.sla()).get().extracting(s -> s.freshness().orElseThrow()).isEqualTo("1h");
  }

  private static List<String> paths(Contract contract, ParsedSchema schema) {
    return ContractValidator.validate(contract, SchemaFields.of(schema)).stream()
        .map(ContractViolation::path)
        .toList();
  }

  static ParsedSchema schema(SchemaFormat format, String file) throws Exception {
    return Schemas.parse(format, resource(file));
  }

  static String resource(String file) throws IOException {
    try (InputStream in = ContractValidatorTest.class.getResourceAsStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Stream<Arguments> cases(String file) throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : JSON.readTree(resource(file))) {
      List<String> violations = new ArrayList<>();
      c.get("violations").forEach(v -> violations.add(v.asText()));
      cases.add(Arguments.of(c.get("name").asText(), c.get("contract"), violations));
    }
    return cases.stream();
  }
}
