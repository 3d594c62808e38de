package dev.schemagate.core.review;

import java.util.Objects;

/** Promote {@code version} of {@code subject} from one environment's registry to another's. */
public record PromotionRequest(String subject, int version, String from, String to) {
  public PromotionRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
