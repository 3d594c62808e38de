package dev.schemagate.server.tls;

/** Certificate or key files that cannot be read or do not match. */
public class TlsException extends Exception {
  public TlsException(String message) {
    super(message);
  }

  public TlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
