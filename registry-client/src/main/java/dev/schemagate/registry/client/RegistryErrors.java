package dev.schemagate.registry.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.registry.client.ConfluentBodies.ErrorAnswer;
import dev.schemagate.registry.client.RegistryException.Reason;
import java.io.IOException;

/** The one place where Confluent error answers become {@link RegistryException}s. */
final class RegistryErrors {
  private RegistryErrors() {}

  /** Confluent's error code from the body, or the HTTP status when the body carries none. */
  static int errorCode(ObjectMapper json, int status, byte[] body) {
    return parse(json, body).map(ErrorAnswer::errorCode).orElse(status);
  }

  static RegistryException toException(ObjectMapper json, String what, int status, byte[] body) {
    var answer = parse(json, body);
    int code = answer.map(ErrorAnswer::errorCode).orElse(status);
    String message =
        answer
            .map(ErrorAnswer::message)
            .filter(m -> !m.isBlank())
            .orElseGet(
                () ->
                    "HTTP "
                        + status
                        + (body.length == 0 ? "" : " " + RegistryTransport.snippet(body)));
    return new RegistryException(
        reason(status, code), code, "%s: %s (error %d)".formatted(what, message, code));
  }

  static Reason reason(int status, int code) {
    if (code == 42205) {
      return Reason.FORBIDDEN_BY_MODE;
    }
    if (code == 409 || status == 409) {
      return Reason.INCOMPATIBLE;
    }
    if (status == 404 || code / 100 == 404) {
      return Reason.NOT_FOUND;
    }
    if (status >= 500 || status == 429) {
      return Reason.UNAVAILABLE;
    }
    return Reason.INVALID;
  }

  static boolean isNotFound(int status, int code) {
    return reason(status, code) == Reason.NOT_FOUND;
  }

  private static java.util.Optional<ErrorAnswer> parse(ObjectMapper json, byte[] body) {
    if (body.length == 0) {
      return java.util.Optional.empty();
    }
    try {
      ErrorAnswer answer = json.readValue(body, ErrorAnswer.class);
      return answer.errorCode() == null
          ? java.util.Optional.empty()
          : java.util.Optional.of(answer);
    } catch (IOException notAnErrorBody) {
      return java.util.Optional.empty();
    }
  }
}
