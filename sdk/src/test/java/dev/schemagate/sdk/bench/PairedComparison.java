package dev.schemagate.sdk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A paired companion to {@link SerdeBenchmark} for shared, noisy machines: each round times a block
 * of bare operations and a block of ours back to back (alternating which goes first), so both see
 * the same load, and the median of the per-round ratios is reported. JMH's absolute numbers come
 * from separate time windows and drift with the neighbours' load; these ratios do not.
 *
 * <p>Run: {@code ./mvnw -q -pl sdk -am -Pbench verify -DskipTests -Dspotless.check.skip=true
 * -Dbench.main=dev.schemagate.sdk.bench.PairedComparison -Djmh.args=}
 */
public final class PairedComparison {
  private static final int BLOCK = 2_000;
  private static final int ROUNDS = 300;

  public static void main(String[] args) throws Exception {
    var state = new SerdeBenchmark();
    state.setUp();
    compare(
        "serialize, validated   / bare encode",
        state::bareEncodeBuffered,
        state::serializeValidated);
    compare(
        "serialize, unvalidated / bare encode",
        state::bareEncodeBuffered,
        state::serializeUnvalidated);
    compare("deserialize            / bare decode", state::bareDecode, state::deserialize);
  }

  private static void compare(String name, Callable<?> bare, Callable<?> ours) throws Exception {
    for (int i = 0; i < 200; i++) { // warm-up: both paths compiled before measuring
      time(bare);
      time(ours);
    }
    List<Double> ratios = new ArrayList<>();
    long[] bareNs = new long[ROUNDS];
    long[] oursNs = new long[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long b;
      long o;
      if (round % 2 == 0) {
        b = time(bare);
        o = time(ours);
      } else {
        o = time(ours);
        b = time(bare);
      }
      bareNs[round] = b;
      oursNs[round] = o;
      ratios.add((double) o / b);
    }
    ratios.sort(null);
    Arrays.sort(bareNs);
    Arrays.sort(oursNs);
    System.out.printf(
        "%s: median ratio %.3f (p25 %.3f, p75 %.3f); median per op: bare %.0f ns, ours %.0f ns%n",
        name,
        ratios.get(ROUNDS / 2),
        ratios.get(ROUNDS / 4),
        ratios.get(3 * ROUNDS / 4),
        (double) bareNs[ROUNDS / 2] / BLOCK,
        (double) oursNs[ROUNDS / 2] / BLOCK);
  }

  private static Object sink;

  private static long time(Callable<?> op) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < BLOCK; i++) {
      sink = op.call();
    }
    return System.nanoTime() - start;
  }
}
