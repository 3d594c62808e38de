package dev.schemagate.sdk.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Records per second through one {@link DriftMonitor} on one thread (not a test): 4 fields, a
 * 10,000-record window compared every 1,000 records. Records are built before timing, so the figure
 * is the monitor's alone (JSON parsing of the Kafka value is the consumer's). Reports CPU time of
 * the thread, which a shared machine does not inflate.
 */
public final class DriftBench {
  private DriftBench() {}

  public static void main(String[] args) {
    int n = Integer.getInteger("records", 2_000_000);
    Random random = new Random(1);
    List<ObjectNode> records = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      records.add(DriftMonitorTest.order(random, i < 50_000 ? 100 : 110, null, 0.1));
    }
    DriftMonitor monitor =
        new DriftMonitor(
            10_000, 1_000, DriftThresholds.DEFAULTS, new SimpleMeterRegistry(), d -> {});
    var threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int i = 0; i < n; i++) {
        monitor.accept(records.get(i % records.size()));
      }
      double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      double wallS = (System.nanoTime() - wall) / 1e9;
      System.out.printf(
          "%s: %,d records, %.2f s CPU = %,.0f records/s per core; %.2f s wall%n",
          round == 0 ? "warm-up" : "measured", n, cpuS, n / cpuS, wallS);
    }
  }
}
