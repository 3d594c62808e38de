package dev.schemagate.cli.check;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The contract the checkpoint tests use, and rows that keep or break it. */
final class CheckFixtures {
  private CheckFixtures() {}

  static Path contract() throws Exception {
    return Path.of(CheckFixtures.class.getResource("orders-contract.yaml").toURI());
  }

  static String recent() {
    return Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String cleanJsonLines() {
    String at = recent();
    return """
        {"orderId": "o-1", "amount": 10.5, "currency": "EUR", "customerId": "c-001", "placedAt": "%s", "lines": [{"sku": "a"}]}
        {"orderId": "o-2", "amount": 0, "currency": "USD", "customerId": "c-002", "placedAt": "%s", "note": null}
        {"orderId": "o-3", "amount": 1000, "currency": "EUR", "placedAt": "%s", "note": "gift"}
        """
        .formatted(at, at, at);
  }

  /**
   * Breaks each rule once: o-2 repeats (unique), a null orderId (not_null and the required type),
   * amount 5000 (range), "GBP" (accepted_values), "x9" (regex, a warning), amount "12" as a string
   * (type).
   */
  static String violatingJsonLines() {
    String at = recent();
    return """
        {"orderId": "o-1", "amount": 10, "currency": "EUR", "customerId": "c-001", "placedAt": "%s"}
        {"orderId": "o-2", "amount": 5000, "currency": "EUR", "customerId": "c-002", "placedAt": "%s"}
        {"orderId": "o-2", "amount": 20, "currency": "GBP", "customerId": "x9", "placedAt": "%s"}
        {"orderId": null, "amount": "12", "currency": "USD", "customerId": "c-004", "placedAt": "%s"}
        """
        .formatted(at, at, at, at);
  }
}
