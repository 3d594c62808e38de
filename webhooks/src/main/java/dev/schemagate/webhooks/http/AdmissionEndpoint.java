package dev.schemagate.webhooks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.schema.SchemaLimitException;
import dev.schemagate.webhooks.admission.Admission;
import dev.schemagate.webhooks.admission.AdmissionCodec;
import dev.schemagate.webhooks.admission.AdmissionReviewer;
import dev.schemagate.webhooks.admission.FailurePolicy;
import dev.schemagate.webhooks.admission.WebhookException;
import dev.schemagate.webhooks.metrics.AdmissionMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code /validate/<kind>} path: reads at most {@code maxBody} bytes, answers every well-formed
 * AdmissionReview with a well-formed response (wrong kinds and webhook faults become denials) and
 * everything else with a 4xx whose body names the problem. Never a 500, never a stack trace.
 */
final class AdmissionEndpoint implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AdmissionEndpoint.class);
  static final String GROUP = "schemagate.dev";

  private final AdmissionReviewer reviewer;
  private final AdmissionCodec codec;
  private final FailurePolicy failurePolicy;
  private final int maxBody;
  private final ReviewDeadline deadline;
  private final AdmissionMetrics metrics;
  private static final Set<String> OPERATIONS = Set.of("CREATE", "UPDATE", "DELETE", "CONNECT");

  AdmissionEndpoint(
      AdmissionReviewer reviewer,
      AdmissionCodec codec,
      FailurePolicy failurePolicy,
      int maxBody,
      ReviewDeadline deadline,
      AdmissionMetrics metrics) {
    this.metrics = metrics;
    this.reviewer = reviewer;
    this.codec = codec;
    this.failurePolicy = failurePolicy;
    this.maxBody = maxBody;
    this.deadline = deadline;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        Responses.error(exchange, 405, "POST an AdmissionReview v1 to this path");
        return;
      }
      byte[] body = Bodies.read(exchange, maxBody);
      if (body == null) {
        Responses.error(exchange, 413, "the request body exceeds %d bytes".formatted(maxBody));
        return;
      }
      Admission admission;
      try {
        admission = codec.decode(body);
      } catch (AdmissionCodec.MalformedReview malformed) {
        Responses.error(exchange, 400, malformed.getMessage());
        return;
      }
      long started = System.nanoTime();
      Decision decision =
          deadline.run(
              () -> decide(admission),
              why ->
                  failurePolicy.decide(
                      new WebhookException(WebhookException.Reason.INTERNAL, "busy: " + why)));
      metrics.record(
          reviewer.kind(),
          admission.operation(),
          decision,
          Duration.ofNanos(System.nanoTime() - started));
      LOG.debug(
          "{} {} {}/{} dryRun={}: {}",
          admission.operation(),
          admission.kind(),
          admission.namespace(),
          admission.name(),
          admission.dryRun(),
          decision.allowed() ? "allowed" : "denied");
      Responses.json(exchange, 200, codec.encode(admission.uid(), decision));
    }
  }

  private Decision decide(Admission admission) {
    if (!GROUP.equals(admission.group()) || !reviewer.kind().equals(admission.kind())) {
      return Decision.deny(
          DenialReason.BAD_REQUEST,
          "this endpoint reviews %s.%s resources, not %s%s: check the webhook configuration's rules"
              .formatted(
                  reviewer.kind(),
                  GROUP,
                  admission.kind(),
                  admission.group().isEmpty() ? "" : "." + admission.group()));
    }
    if (!OPERATIONS.contains(admission.operation())) {
      return Decision.deny(
          DenialReason.BAD_REQUEST,
          "operation \"%s\" is not one of CREATE, UPDATE, DELETE, CONNECT: not an admission the"
                  .formatted(admission.operation())
              + " API server sends; refused rather than guessed");
    }
    try {
      return reviewer.review(admission);
    } catch (SchemaLimitException limit) {
      return Decision.deny(DenialReason.SCHEMA_TOO_COMPLEX, limit.getMessage());
    } catch (WebhookException unavailable) {
      LOG.warn("{} {}: {}", admission.kind(), admission.name(), unavailable.getMessage());
      return failurePolicy.decide(unavailable);
    } catch (RuntimeException bug) {
      LOG.error("reviewing {} {} failed", admission.kind(), admission.name(), bug);
      return failurePolicy.decide(
          new WebhookException(WebhookException.Reason.INTERNAL, bug.toString(), bug));
    }
  }
}
