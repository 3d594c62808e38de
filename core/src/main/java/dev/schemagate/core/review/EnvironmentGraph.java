package dev.schemagate.core.review;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The environments a schema moves through, in order (e.g. dev, staging, prod). A promotion goes to
 * the next environment; a longer jump only where it is listed in {@code allowedSkips}.
 */
public record EnvironmentGraph(List<String> order, Set<Hop> allowedSkips) {

  /** A jump from one environment straight to another. */
  public record Hop(String from, String to) {
    @Override
    public String toString() {
      return from + "->" + to;
    }
  }

  public static final EnvironmentGraph DEFAULT =
      new EnvironmentGraph(List.of("dev", "staging", "prod"), Set.of());

  public EnvironmentGraph {
    if (order.isEmpty()) {
      throw new IllegalArgumentException("at least one environment is needed");
    }
    if (new HashSet<>(order).size() != order.size()) {
      throw new IllegalArgumentException("environments are listed twice in " + order);
    }
    order = List.copyOf(order);
    allowedSkips = Set.copyOf(allowedSkips);
    for (Hop hop : allowedSkips) {
      if (!order.contains(hop.from()) || !order.contains(hop.to())) {
        throw new IllegalArgumentException("allowed skip " + hop + " names an unknown environment");
      }
    }
  }

  /**
   * Parses the configuration form: {@code order} like {@code "dev,staging,prod"} and {@code skips}
   * like {@code "dev->prod"} (comma separated; empty for none).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static EnvironmentGraph parse(String order, String skips) {
    List<String> environments = split(order);
    Set<Hop> hops = new HashSet<>();
    for (String skip : split(skips)) {
      String[] ends = skip.split("->", -1);
      if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
        throw new IllegalArgumentException(
            "allowed skip '" + skip + "' is not of the form from->to");
      }
      hops.add(new Hop(norm(ends[0]), norm(ends[1])));
    }
    return new EnvironmentGraph(environments, hops);
  }

  public Optional<Integer> position(String environment) {
    int index = order.indexOf(environment);
    return index < 0 ? Optional.empty() : Optional.of(index);
  }

  private static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split(","))
        .map(EnvironmentGraph::norm)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return String.join(" -> ", order);
  }
}
