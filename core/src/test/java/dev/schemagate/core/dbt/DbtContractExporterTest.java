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

  @Test
  void shouldMarkOnlyRequiredNonNullableJsonSchemaPropertiesNotNull() throws Exception {
    String schema =
        """
        {"type": "object",
         "properties": {"id": {"type": "string"}, "note": {"type": "string"},
                        "coupon": {"type": ["string", "null"]}, "channel": {"type": "string"}},
         "allOf": [{"properties": {"region": {"type": "string"}}, "required": ["channel"]}],
         "required": ["id", "coupon", "region"]}
        """;
    Contract contract = ContractReader.read(new ObjectMapper().readTree("{\"schemaRef\": \"x\"}"));

    String yaml =
        DbtContractExporter.export("m", contract, Schemas.parse(SchemaFormat.JSON, schema));

    assertThat(notNullColumns(yaml)).containsExactlyInAnyOrder("id", "channel", "region");
  }

  @Test
  void shouldNotMarkARequiredJsonSchemaUnionWithNullNotNullAndTypeItByItsOtherBranch()
      throws Exception {
    // anyOf/oneOf with a null branch is how generators (pydantic, OpenAPI 3.1) spell nullable
    String schema =
        """
        {"type": "object",
         "properties": {
           "id": {"type": "string"},
           "coupon": {"anyOf": [{"type": "string"}, {"type": "null"}]},
           "quantity": {"oneOf": [{"type": "null"}, {"type": "integer"}]},
           "customer": {"anyOf": [{"$ref": "#/$defs/Customer"}, {"const": null}]},
           "tier": {"enum": ["gold", null]}},
         "required": ["id", "coupon", "quantity", "customer", "tier"],
         "$defs": {"Customer": {"type": "object", "properties": {"email": {"type": "string"}}}}}
        """;

    String yaml =
        DbtContractExporter.export("m", emptyContract(), Schemas.parse(SchemaFormat.JSON, schema));

    assertThat(notNullColumns(yaml)).containsExactly("id");
    var columns = new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/models/0/columns");
    java.util.Map<String, String> types = new java.util.HashMap<>();
    columns.forEach(c -> types.put(c.get("name").asText(), c.path("data_type").asText()));
    assertThat(types).containsEntry("quantity", "integer").containsEntry("coupon", "varchar");
  }

  private static Contract emptyContract() throws Exception {
    return ContractReader.read(new ObjectMapper().readTree("{\"schemaRef\": \"x\"}"));
  }

  @Test
  void shouldNotMarkAnAvroUnionWithNullNotNull() throws Exception {
    String schema =
        """
        {"type": "record", "name": "R", "fields": [
          {"name": "id", "type": "string"},
          {"name": "coupon", "type": ["null", "string"], "default": null},
          {"name": "count", "type": "int", "default": 0}]}
        """;
    Contract contract = ContractReader.read(new ObjectMapper().readTree("{\"schemaRef\": \"x\"}"));

    String yaml =
        DbtContractExporter.export("m", contract, Schemas.parse(SchemaFormat.AVRO, schema));

    assertThat(notNullColumns(yaml)).containsExactlyInAnyOrder("id", "count");
  }

  @Test
  void shouldKeepAnExplicitNotNullRuleOnAnOptionalProperty() throws Exception {
    String schema =
        """
        {"type": "object", "properties": {"note": {"type": "string"}}}
        """;
    Contract contract =
        ContractReader.read(
            new ObjectMapper()
                .readTree(
                    "{\"schemaRef\": \"x\", \"quality\": [{\"field\": \"note\", \"rule\": \"not_null\"}]}"));

    String yaml =
        DbtContractExporter.export("m", contract, Schemas.parse(SchemaFormat.JSON, schema));

    assertThat(notNullColumns(yaml)).containsExactly("note");
  }

  private static java.util.List<String> notNullColumns(String yaml) throws Exception {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (var column : new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/models/0/columns")) {
      for (var constraint : column.path("constraints")) {
        if (constraint.path("type").asText().equals("not_null")) {
          names.add(column.get("name").asText());
        }
      }
    }
    return names;
  }
}
