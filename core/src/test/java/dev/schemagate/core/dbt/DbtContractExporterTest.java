package dev.schemagate.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DbtContractExporterTest {
  static String resource(String name) throws Exception {
    try (InputStream in = DbtContractExporterTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldExportAnEnforcedDbtContractWithTypesAndConstraints() throws Exception {
    Contract contract =
        ContractReader.read(new ObjectMapper().readTree(resource("orders-contract.json")));

    String yaml =
        DbtContractExporter.export(
            "fct_orders", contract, Schemas.parse(SchemaFormat.AVRO, resource("orders.avsc")));

    ObjectMapper reader = new ObjectMapper(new YAMLFactory());
    assertThat(reader.readTree(yaml)).isEqualTo(reader.readTree(resource("orders-expected.yml")));
  }

  @Test
  void shouldMapJsonSchemaTypesToPortableSqlTypes() throws Exception {
    String schema =
        """
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
         "properties": {"id": {"type": "string", "format": "uuid"}, "n": {"type": "integer"},
                        "at": {"type": "string", "format": "date-time"}, "tags": {"type": "array", "items": {"type": "string"}}},
         "required": ["id"]}
        """;
    Contract contract = ContractReader.read(new ObjectMapper().readTree("{\"schemaRef\": \"x\"}"));

    String yaml =
        DbtContractExporter.export("m", contract, Schemas.parse(SchemaFormat.JSON, schema));

    var columns = new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/models/0/columns");
    assertThat(columns.get(0).get("data_type").asText()).isEqualTo("varchar");
    assertThat(columns.get(1).get("data_type").asText()).isEqualTo("integer");
    assertThat(columns.get(2).get("data_type").asText()).isEqualTo("timestamp");
    assertThat(columns.get(3).get("data_type").asText()).isEqualTo("json");
  }
}
