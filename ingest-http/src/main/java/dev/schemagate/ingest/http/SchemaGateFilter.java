package dev.schemagate.ingest.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A Jakarta Servlet filter that lets a request through only when its body keeps the subject's
 * latest schema and the contract's record rules; otherwise 422 with every violation's path (400 for
 * a body that is not JSON, 413 over the size limit, 503 when the schema cannot be had). GET, HEAD,
 * OPTIONS and DELETE pass unchecked. The servlet behind reads the same body again.
 */
public final class SchemaGateFilter implements Filter {
  /** The largest limit: one byte more must still fit a Java array. */
  public static final int MAX_LIMIT = Integer.MAX_VALUE - 9;

  private final IngestGate gate;
  private final int maxBytes;

  /**
   * @param maxBytes larger bodies are refused with 413 before they are read whole
   */
  public SchemaGateFilter(IngestGate gate, int maxBytes) {
    // a body is read into one array, one byte past the limit: refuse a limit that cannot work now
    // rather than fail every request (Integer.MAX_VALUE overflowed into a 500 on each POST)
    if (maxBytes < 1 || maxBytes > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "maxBytes must be between 1 and " + MAX_LIMIT + ", not " + maxBytes);
    }
    this.gate = gate;
    this.maxBytes = maxBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!carriesBody(request.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    byte[] body = read(request.getInputStream());
    if (body == null) {
      respond(
          response,
          413,
          ("{\"error_code\":413,\"message\":\"the body is larger than " + maxBytes + " bytes\"}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    Verdict verdict = gate.validate(body);
    if (verdict instanceof Verdict.Accepted) {
      chain.doFilter(new CachedBody(request, body), res);
      return;
    }
    respond(response, IngestGate.status(verdict), IngestGate.errorBody(verdict));
  }

  static boolean carriesBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** The body, or null when it is larger than the limit. */
  private byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    return bytes.length > maxBytes ? null : bytes;
  }

  private static void respond(HttpServletResponse response, int status, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The request with its body, already read, readable again. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already in memory");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
