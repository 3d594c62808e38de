package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a malformed URI, headers too large): the same
 * Confluent-style JSON body as every other error instead of Jetty's HTML page.
 */
public final class JettyErrorHandler extends ErrorHandler {
  private final ObjectMapper json;

  public JettyErrorHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Wire.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Wire.CONTENT_TYPE));
    return ByteBuffer.wrap(body(status, reason));
  }

  private byte[] body(int code, String message) {
    String reason = HttpStatus.getMessage(code);
    String text =
        message == null || message.isBlank() || message.equals(reason)
            ? "HTTP " + code + " " + reason
            : "HTTP " + code + " " + reason + ": " + message;
    return Wire.error(json, code, text);
  }
}
