package dev.schemagate.webhooks.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.review.Decision;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import java.io.IOException;
import java.util.Optional;

/** Reads AdmissionReview v1 requests and writes their responses, with fabric8's model. */
public final class AdmissionCodec {
  static final String API_VERSION = "admission.k8s.io/v1";
  private final ObjectMapper json =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A request body that is not an AdmissionReview v1; the message says what is wrong. */
  public static final class MalformedReview extends Exception {
    MalformedReview(String message) {
      super(message);
    }
  }

  public Admission decode(byte[] body) throws MalformedReview {
    AdmissionReview review;
    try {
      review = json.readValue(body, AdmissionReview.class);
    } catch (JsonProcessingException e) {
      throw new MalformedReview("body is not an AdmissionReview: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedReview("body cannot be read: " + e.getMessage());
    }
    if (review == null) {
      throw new MalformedReview("body is empty: an AdmissionReview is expected");
    }
    if (!API_VERSION.equals(review.getApiVersion())
        || !"AdmissionReview".equals(review.getKind())) {
      throw new MalformedReview(
          "expected apiVersion %s and kind AdmissionReview, got %s %s"
              .formatted(API_VERSION, review.getApiVersion(), review.getKind()));
    }
    AdmissionRequest request = review.getRequest();
    if (request == null || blank(request.getUid())) {
      throw new MalformedReview("the AdmissionReview has no request with a uid");
    }
    GroupVersionKind kind = request.getKind();
    if (kind == null || blank(kind.getKind()) || blank(request.getOperation())) {
      throw new MalformedReview("request " + request.getUid() + " has no kind or operation");
    }
    return new Admission(
        request.getUid(),
        Optional.ofNullable(kind.getGroup()).orElse(""),
        kind.getKind(),
        request.getOperation(),
        Boolean.TRUE.equals(request.getDryRun()),
        Optional.ofNullable(request.getNamespace()).orElse(""),
        Optional.ofNullable(request.getName()).orElse(""),
        tree(request.getObject()),
        tree(request.getOldObject()),
        Optional.ofNullable(request.getSubResource()).filter(s -> !s.isBlank()));
  }

  public byte[] encode(String uid, Decision decision) {
    AdmissionResponseBuilder response =
        new AdmissionResponseBuilder().withUid(uid).withAllowed(decision.allowed());
    if (!decision.warnings().isEmpty()) {
      response.withWarnings(decision.warnings());
    }
    if (decision instanceof Decision.Denied denied) {
      response.withStatus(
          new StatusBuilder()
              .withCode(denied.reason().httpStatus())
              .withReason(denied.reason().code())
              .withStatus("Failure")
              // kubectl prints the reason beside the message: "Error from server (Incompatible)"
              .withMessage(denied.message())
              .build());
    }
    return write(response.build());
  }

  private byte[] write(AdmissionResponse response) {
    AdmissionReview review = new AdmissionReview();
    review.setApiVersion(API_VERSION);
    review.setKind("AdmissionReview");
    review.setResponse(response);
    try {
      return json.writeValueAsBytes(review);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("an AdmissionReview always serialises", impossible);
    }
  }

  private Optional<JsonNode> tree(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    JsonNode node = json.valueToTree(value);
    return node.isObject() ? Optional.of(node) : Optional.empty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
