package dev.schemagate.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.contract.ContractValidator;
import dev.schemagate.core.contract.SchemaFields;
import dev.schemagate.core.lineage.openlineage.OpenLineageEventParser;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The samples under contracts/ stay valid against the samples under schemas/. */
class SampleContractsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @CsvSource({
    "contracts/orders.yaml, schemas/orders/orders-v2.yaml, AVRO",
    "contracts/user-events.yaml, schemas/user-events/user-events-v2.yaml, JSON"
  })
  void shouldNameOnlyFieldsTheSampleSchemaHas(String contract, String schema, SchemaFormat format)
      throws Exception {
    JsonNode spec = YAML.readTree(ROOT.resolve(contract).toFile()).get("spec");
    var parsed = Schemas.parse(format, schemaText(ROOT.resolve(schema)));

    var problems =
        new ArrayList<>(
            ContractValidator.validate(ContractReader.read(spec), SchemaFields.of(parsed)));
    if (spec.has("drift")) {
      problems.addAll(
          ContractValidator.driftFields(
              YAML.treeToValue(spec.get("drift"), dev.schemagate.crds.v1alpha1.Drift.class)
                  .fieldNames(),
              SchemaFields.of(parsed)));
    }

    assertThat(problems).isEmpty();
    assertThat(spec.get("consumers")).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void shouldParseTheSampleOpenLineageEvent() throws Exception {
    var lineage =
        new OpenLineageEventParser()
            .parse(Files.readString(ROOT.resolve("contracts/openlineage/orders-run-event.json")));

    assertThat(lineage.edges()).extracting(e -> e.source()).contains("kafka.orders.amount");
  }

  /** The schema text of the DataSchema (inline) or of the ConfigMap it reads. */
  private static String schemaText(Path file) throws Exception {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    for (JsonNode doc : documents) {
      if (doc.path("kind").asText().equals("DataSchema") && doc.at("/spec/schema").isTextual()) {
        return doc.at("/spec/schema").asText();
      }
      if (doc.path("kind").asText().equals("ConfigMap")) {
        return doc.at("/data").elements().next().asText();
      }
    }
    throw new AssertionError("no schema in " + file);
  }
}
