package dev.schemagate.core.review;

import java.util.List;
import java.util.Objects;

/**
 * Checks a promotion before anything is copied: the route through the environments, then that the
 * version exists in the source. {@link #route} needs no registry, so callers check it first.
 */
public final class PromotionReview {
  private final EnvironmentGraph environments;

  public PromotionReview(EnvironmentGraph environments) {
    this.environments = Objects.requireNonNull(environments, "environments");
  }

  public Decision route(String from, String to) {
    var source = environments.position(from);
    var target = environments.position(to);
    if (source.isEmpty() || target.isEmpty()) {
      String unknown = source.isEmpty() ? from : to;
      return Decision.deny(
          DenialReason.INVALID_PROMOTION,
          "unknown environment \"%s\": the environments are %s".formatted(unknown, environments));
    }
    int step = target.get() - source.get();
    if (step <= 0) {
      return Decision.deny(
          DenialReason.INVALID_PROMOTION,
          "cannot promote from %s to %s: promotions go forward through %s"
              .formatted(from, to, environments));
    }
    if (step > 1 && !environments.allowedSkips().contains(new EnvironmentGraph.Hop(from, to))) {
      String next = environments.order().get(source.get() + 1);
      return Decision.deny(
          DenialReason.INVALID_PROMOTION,
          "cannot promote from %s straight to %s: promote to %s first (the environments are %s;"
                  .formatted(from, to, next, environments)
              + " skipping needs configuration)");
    }
    return Decision.allow();
  }

  /**
   * The full check.
   *
   * @param sourceVersions the versions of the subject registered in the source environment
   */
  public Decision review(PromotionRequest request, List<Integer> sourceVersions) {
    Decision route = route(request.from(), request.to());
    if (!route.allowed()) {
      return route;
    }
    if (request.version() < 1) {
      return Decision.deny(
          DenialReason.INVALID_PROMOTION, "version must be 1 or more, not " + request.version());
    }
    if (!sourceVersions.contains(request.version())) {
      return Decision.deny(
          DenialReason.NOT_FOUND,
          "version %d of subject \"%s\" is not registered in %s (it has %s)"
              .formatted(
                  request.version(),
                  request.subject(),
                  request.from(),
                  sourceVersions.isEmpty() ? "no versions" : "versions " + sourceVersions));
    }
    return Decision.allow();
  }
}
