package dev.schemagate.operator.dataschema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.crds.v1alpha1.BreakingChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryMessagesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "/fields/0/type: backward: TYPE_MISMATCH: reader type: LONG not compatible | /fields/0/type | TYPE_MISMATCH | reader type: LONG not compatible | -",
        "/fields/3 READER_FIELD_MISSING_DEFAULT_VALUE: warehouseId | /fields/3 | READER_FIELD_MISSING_DEFAULT_VALUE | warehouseId | -",
        "/properties/age: required added (fix: give it a default) | /properties/age | - | required added | give it a default",
        "FIELD_REMOVED: /fields/name field removed; suggested fix: add an alias | /fields/name | FIELD_REMOVED | field removed | add an alias",
        "something broke | / | - | something broke | -"
      })
  void shouldSplitARegistryMessageIntoPathKindMessageAndFix(
      String message, String path, String kind, String text, String fix) {
    assertThat(RegistryMessages.toChange(message))
        .isEqualTo(new BreakingChange(path, kind, text, fix));
  }
}
