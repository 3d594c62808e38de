package dev.schemagate.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Avro types a JSON body can meet, one row each: the body, and the violations (or none). */
class AvroBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "Event", "fields": [
                {"name": "id", "type": "long", "default": 0},
                {"name": "tags", "type": {"type": "map", "values": "int"}, "default": {}},
                {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}, "default": "abcd"},
                {"name": "price", "type": {"type": "bytes", "logicalType": "decimal",
                  "precision": 9, "scale": 2}, "default": "\\u0000"},
                {"name": "ok", "type": "boolean", "default": true},
                {"name": "payload", "type": ["null",
                  {"type": "record", "name": "Click", "fields": [{"name": "x", "type": "int"}]},
                  {"type": "record", "name": "View", "fields": [{"name": "page", "type": "string"}]}],
                  "default": null}]}""");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|",
        "{\"id\": 9223372036854775807, \"tags\": {\"a\": 1}, \"hash\": \"wxyz\", \"price\": 12.5}|",
        "{\"id\": 92233720368547758070}|/id type",
        "{\"tags\": {\"a\": 1, \"b/c\": \"x\"}}|/tags/b~1c type",
        "{\"hash\": \"abc\"}|/hash type",
        "{\"price\": true}|/price type",
        "{\"ok\": \"yes\"}|/ok type",
        "{\"payload\": {\"page\": \"home\"}}|",
        "{\"payload\": {\"x\": 1}}|",
        // two record branches, neither fits: one violation naming the union
        "{\"payload\": {\"y\": 1}}|/payload type",
        "[1]|type",
      })
  void shouldNameEachPathThatBreaksTheSchema(String body, String expected) throws Exception {
    List<String> found =
        AvroBody.check(SCHEMA, JSON.readTree(body)).stream()
            .map(v -> (v.path() + " " + v.rule()).trim())
            .toList();

    assertThat(found).isEqualTo(expected == null ? List.of() : List.of(expected));
  }
}
