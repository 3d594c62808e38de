package dev.schemagate.sdk.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Records per second through one {@link DriftMonitor} on one thread (not a test): 4 fields, a
 * 10,000-record window compared every 1,000 records. Records are built before timing, so the figure
 * is the monitor's alone (JSON parsing of the Kafka value is the consumer's). Reports CPU time of
 * the thread, which a shared machine does not inflate. {@code -Dformat=avro}: the same records as
 * Avro {@code GenericRecord}s (the coupon nested in a customer record, so a dotted path).
 */
public final class DriftBench {
  private DriftBench() {}

  public static void main(String[] args) {
    int n = Integer.getInteger("records", 2_000_000);
    Random random = new Random(1);
    boolean avro = "avro".equals(System.getProperty("format"));
    Schema schema =
        new Schema.Parser()
            .parse(
                """
                {"type": "record", "name": "BenchOrder", "fields": [
                  {"name": "orderId", "type": "string"}, {"name": "amount", "type": "double"},
                  {"name": "currency", "type": "string"},
                  {"name": "customer", "type": {"type": "record", "name": "BenchCustomer",
                    "fields": [{"name": "coupon", "type": ["null", "string"]}]}}]}""");
    List<Object> records = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      ObjectNode o = DriftMonitorTest.order(random, i < 50_000 ? 100 : 110, null, 0.1);
      if (!avro) {
        records.add(o);
        continue;
      }
      GenericRecord customer = new GenericData.Record(schema.getField("customer").schema());
      customer.put("coupon", o.get("coupon").isNull() ? null : o.get("coupon").asText());
      GenericRecord r = new GenericData.Record(schema);
      r.put("orderId", o.get("orderId").asText());
      r.put("amount", o.get("amount").asDouble());
      r.put("currency", o.get("currency").asText());
      r.put("customer", customer);
      records.add(r);
    }
    DriftMonitor monitor =
        new DriftMonitor(
            10_000, 1_000, DriftThresholds.DEFAULTS, new SimpleMeterRegistry(), d -> {});
    var threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Object record = records.get(i % records.size());
        if (record instanceof GenericRecord r) {
          monitor.accept(r);
        } else {
          monitor.accept((ObjectNode) record);
        }
      }
      double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      double wallS = (System.nanoTime() - wall) / 1e9;
      System.out.printf(
          "%s %s: %,d records, %.2f s CPU = %,.0f records/s per core; %.2f s wall%n",
          avro ? "avro" : "json", round == 0 ? "warm-up" : "measured", n, cpuS, n / cpuS, wallS);
    }
  }
}
