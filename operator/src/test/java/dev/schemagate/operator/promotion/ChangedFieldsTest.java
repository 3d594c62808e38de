package dev.schemagate.operator.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangedFieldsTest {
  @ParameterizedTest
  @CsvSource({
    "/fields/amount/type, amount",
    "/fields/amount, amount",
    "/fields/shipping/type/fields/city, shipping.city",
    "/properties/customer/properties/email/format, customer.email",
    "/properties/tags/items, tags",
    "/, ''",
    "/additionalProperties, ''"
  })
  void shouldNameTheFieldAChangePathTouches(String path, String field) {
    assertThat(ChangedFields.field(path))
        .isEqualTo(field.isEmpty() ? Optional.empty() : Optional.of(field));
  }

  @ParameterizedTest
  @CsvSource({"orders-value, orders", "orders-key, orders", "com.acme.Order, com.acme.Order"})
  void shouldNameTheTopicAfterTheSubject(String subject, String topic) {
    assertThat(dev.schemagate.operator.contract.LineageColumns.dataset(subject, Optional.empty()))
        .isEqualTo(topic);
  }
}
