package dev.schemagate.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.schema.SchemaFormat;
import org.junit.jupiter.api.Test;

class SchemaFieldsTest {

  @Test
  void shouldListNestedAvroFieldsWithLogicalTypesAndNullability() throws Exception {
    var fields = SchemaFields.of(ContractValidatorTest.schema(SchemaFormat.AVRO, "orders.avsc"));
    assertThat(fields)
        .contains(
            new SchemaField("orderId", "string", false),
            new SchemaField("amount", "decimal", false),
            new SchemaField("currency", "enum", false),
            new SchemaField("placedAt", "timestamp-millis", false),
            new SchemaField("coupon", "string", true),
            new SchemaField("customer", "record", false),
            new SchemaField("customer.email", "string", true),
            new SchemaField("customer.address", "record", true),
            new SchemaField("customer.address.city", "string", false),
            new SchemaField("lines", "array<record>", false),
            new SchemaField("lines.sku", "string", false),
            new SchemaField("next", "record", true));
  }

  @Test
  void shouldStopAtRecursiveAvroRecords() throws Exception {
    var paths = SchemaFields.paths(ContractValidatorTest.schema(SchemaFormat.AVRO, "orders.avsc"));
    assertThat(paths).contains("next").doesNotContain("next.orderId");
  }

  @Test
  void shouldListJsonSchemaPropertiesThroughRefsArraysAndAllOf() throws Exception {
    var fields =
        SchemaFields.of(ContractValidatorTest.schema(SchemaFormat.JSON, "orders.schema.json"));
    assertThat(fields)
        .contains(
            new SchemaField("orderId", "string", false, true),
            new SchemaField("amount", "number", false, true),
            new SchemaField("placedAt", "string(date-time)", false, false),
            new SchemaField("coupon", "string", true, false),
            new SchemaField("customer", "object", false, false),
            new SchemaField("customer.address.city", "string", false, false),
            new SchemaField("lines", "array<object>", false, false),
            new SchemaField("lines.quantity", "integer", false, false),
            new SchemaField("channel", "enum", false, false));
  }
}
