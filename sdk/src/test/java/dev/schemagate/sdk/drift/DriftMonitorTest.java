package dev.schemagate.sdk.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

public class DriftMonitorTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** amount ~ N(100, 15); currency 70 % EUR, 30 % USD; coupon null 10 %. */
  public static ObjectNode order(
      Random random, double mean, String rareCurrency, double nullShare) {
    ObjectNode o = JSON.createObjectNode();
    o.put("orderId", "o-" + random.nextLong());
    o.put("amount", mean + 15 * random.nextGaussian());
    double c = random.nextDouble();
    o.put("currency", c < 0.7 ? "EUR" : c < 0.95 || rareCurrency == null ? "USD" : rareCurrency);
    if (random.nextDouble() < nullShare) {
      o.putNull("coupon");
    } else {
      o.put("coupon", "SAVE10");
    }
    return o;
  }

  @Test
  void shouldReportNoBreachWhileTheDataKeepsItsDistribution() {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    List<List<FieldDrift>> breaches = new ArrayList<>();
    DriftMonitor monitor =
        new DriftMonitor(2000, 500, DriftThresholds.DEFAULTS, metrics, breaches::add);
    Random random = new Random(7);

    for (int i = 0; i < 10_000; i++) {
      monitor.accept(order(random, 100, null, 0.1));
    }

    assertThat(breaches).isEmpty();
    FieldDrift amount =
        monitor.lastDrift().stream()
            .filter(f -> f.field().equals("amount"))
            .findFirst()
            .orElseThrow();
    assertThat(amount.ks().orElseThrow()).isLessThan(0.1);
    assertThat(amount.quantiles().orElseThrow()[0]).isBetween(95.0, 105.0);
    assertThat(
            monitor.lastDrift().stream()
                .filter(f -> f.field().equals("orderId"))
                .findFirst()
                .orElseThrow()
                .distinct())
        .isBetween(1700L, 2300L);
  }

  @Test
  void shouldFlagAShiftedMeanANewCategoryAndAJumpInNulls() {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    List<List<FieldDrift>> breaches = new ArrayList<>();
    DriftMonitor monitor =
        new DriftMonitor(2000, 500, DriftThresholds.DEFAULTS, metrics, breaches::add);
    Random random = new Random(11);

    for (int i = 0; i < 2000; i++) {
      monitor.accept(order(random, 100, null, 0.1));
    }
    for (int i = 0; i < 4000; i++) {
      monitor.accept(order(random, 130, "CHF", 0.5));
    }

    assertThat(breaches).isNotEmpty();
    List<String> breached = new ArrayList<>();
    breaches
        .getLast()
        .forEach(f -> f.breaches().forEach(b -> breached.add(f.field() + " " + b.test())));
    assertThat(breached)
        .contains("amount ks", "amount psi", "coupon null_rate")
        .doesNotContain("orderId null_rate");
    assertThat(
            metrics
                .counter("schemagate_drift_breaches_total", "field", "amount", "test", "ks")
                .count())
        .isGreaterThan(0);
    assertThat(metrics.get("schemagate_drift_psi").tag("field", "amount").gauge().value())
        .isGreaterThan(0.2);
  }

  @Test
  void shouldFlagCategoriesTheBaselineNeverSawOnANestedField() {
    List<List<FieldDrift>> breaches = new ArrayList<>();
    DriftPolicy policy =
        new DriftPolicy(
            1000,
            250,
            new DriftThresholds(5, 1, 1, 0.05),
            java.util.Map.of("customer.country", new DriftThresholds(5, 1, 1, 0.02)));
    DriftMonitor monitor =
        new DriftMonitor(policy, new SimpleMeterRegistry(), breaches::add, d -> {});
    Random random = new Random(5);

    for (int i = 0; i < 3000; i++) {
      ObjectNode o = order(random, 100, null, 0.1);
      // after the baseline, 3 % of the customers come from a country never seen before
      String country = i >= 1000 && i % 33 == 0 ? "NZ" : random.nextBoolean() ? "DE" : "FR";
      o.putObject("customer").put("country", country).put("tier", "gold");
      monitor.accept(o);
    }

    assertThat(breaches).isNotEmpty();
    FieldDrift country =
        breaches.getLast().stream()
            .filter(f -> f.field().equals("customer.country"))
            .findFirst()
            .orElseThrow();
    assertThat(country.breaches()).extracting(FieldDrift.Breach::test).contains("new_category");
    // the same share under the default threshold (5 %) is no breach
    assertThat(
            breaches.getLast().stream()
                .filter(f -> f.field().equals("currency"))
                .flatMap(f -> f.breaches().stream()))
        .isEmpty();
  }

  @Test
  void shouldWatchAvroRecordsUnderTheSamePathsAsJson() {
    org.apache.avro.Schema schema =
        new org.apache.avro.Schema.Parser()
            .parse(
                """
                {"type": "record", "name": "Order", "fields": [
                  {"name": "amount", "type": "double"},
                  {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
                    {"name": "country", "type": ["null", "string"]}]}}]}""");
    List<List<FieldDrift>> breaches = new ArrayList<>();
    DriftMonitor monitor =
        new DriftMonitor(
            500, 100, DriftThresholds.DEFAULTS, new SimpleMeterRegistry(), breaches::add);
    Random random = new Random(9);

    for (int i = 0; i < 1500; i++) {
      var customer =
          new org.apache.avro.generic.GenericData.Record(schema.getField("customer").schema());
      customer.put("country", i >= 500 && random.nextDouble() < 0.5 ? null : "DE");
      var order = new org.apache.avro.generic.GenericData.Record(schema);
      order.put("amount", (i < 500 ? 100 : 160) + 15 * random.nextGaussian());
      order.put("customer", customer);
      monitor.accept(order);
    }

    List<String> breached = new ArrayList<>();
    breaches
        .getLast()
        .forEach(f -> f.breaches().forEach(b -> breached.add(f.field() + " " + b.test())));
    assertThat(breached).contains("amount ks", "customer.country null_rate");
  }

  @Test
  void shouldFlagASmallShiftByItsKsPValueWhenAskedTo() {
    List<List<FieldDrift>> breaches = new ArrayList<>();
    DriftPolicy policy =
        new DriftPolicy(2000, 500, new DriftThresholds(5, 0.2, 1, 1, 0.001), java.util.Map.of());
    DriftMonitor monitor =
        new DriftMonitor(policy, new SimpleMeterRegistry(), breaches::add, d -> {});
    Random random = new Random(13);

    for (int i = 0; i < 6000; i++) {
      monitor.accept(order(random, i < 2000 ? 100 : 104, null, 0.1));
    }

    // a shift of a quarter of a standard deviation: D stays under 0.2, its p-value does not
    FieldDrift amount =
        breaches.getLast().stream()
            .filter(f -> f.field().equals("amount"))
            .findFirst()
            .orElseThrow();
    assertThat(amount.ks().orElseThrow()).isLessThan(0.2);
    assertThat(amount.breaches()).extracting(FieldDrift.Breach::test).containsExactly("ks_p_value");
    assertThat(amount.breaches().getFirst().toString()).matches("ks_p_value 0\\.\\d{4} < 0\\.0010");
  }

  @Test
  void shouldRefuseAWindowTooSmallToCompare() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new DriftMonitor(
                    5, 1, DriftThresholds.DEFAULTS, new SimpleMeterRegistry(), d -> {}))
        .hasMessageContaining("window must be at least 10 records");
  }
}
