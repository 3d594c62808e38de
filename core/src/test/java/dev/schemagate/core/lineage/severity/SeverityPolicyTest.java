package dev.schemagate.core.lineage.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.lineage.AffectedAsset;
import dev.schemagate.core.lineage.AssetKind;
import dev.schemagate.core.lineage.AssetNode;
import dev.schemagate.core.lineage.Criticality;
import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.LineagePath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeverityPolicyTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static String resource(String name) throws Exception {
    try (InputStream in = SeverityPolicyTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<Arguments> table(String file, SeverityPolicy policy) throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : YAML.readTree(resource(file))) {
      out.add(Arguments.of(row.get("name").asText(), policy, row));
    }
    return out.stream();
  }

  static Stream<Arguments> gradingCases() throws Exception {
    return Stream.concat(
        table("default-policy-cases.yaml", SeverityPolicy.defaults()),
        table("custom-policy-cases.yaml", SeverityPolicy.parse(resource("custom-policy.yaml"))));
  }

  static Stream<Arguments> invalidPolicies() throws Exception {
    return table("invalid-policies.yaml", null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gradingCases")
  void shouldGradeTheAffectedAssetsAsThePolicyTableSays(
      String name, SeverityPolicy policy, JsonNode row) {
    List<AffectedAsset> assets = new ArrayList<>();
    int i = 0;
    for (JsonNode a : row.get("assets")) {
      AssetNode asset =
          new AssetNode(
              AssetKind.parse(a.get("kind").asText()).orElseThrow(),
              "a" + i,
              "owner-" + i,
              Criticality.parse(a.get("criticality").asText()).orElseThrow(),
              Optional.ofNullable(a.path("environment").textValue()));
      i++;
      assets.add(
          new AffectedAsset(
              asset, a.get("direct").asBoolean(), new LineagePath(List.of(asset.id()), List.of())));
    }

    SeverityAssessment graded = policy.classify(assets, 0);

    assertThat(graded.severity()).isEqualTo(Severity.valueOf(row.get("severity").asText()));
    assertThat(graded.reason()).startsWith(graded.severity().name() + " because");
    if (row.has("rule")) {
      assertThat(graded.rule()).contains(row.get("rule").asText());
      assertThat(graded.reason()).contains(row.get("rule").asText());
      assertThat(graded.decisive()).isNotEmpty();
    }
    if (row.has("blocking")) {
      assertThat(graded.blocking()).isEqualTo(row.get("blocking").asBoolean());
    }
    if (row.has("reason")) {
      assertThat(graded.reason()).contains(row.get("reason").asText());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPolicies")
  void shouldRefuseAnInvalidPolicyNamingTheProblem(String name, Object unused, JsonNode row) {
    assertThatThrownBy(() -> SeverityPolicy.parse(row.get("policy").asText()))
        .isInstanceOf(LineageException.class)
        .hasMessageContaining(row.get("message").asText())
        .extracting(e -> ((LineageException) e).reason())
        .isEqualTo(LineageException.Reason.INVALID_POLICY);
  }
}
