package dev.schemagate.registry.server;

import dev.schemagate.server.tls.ReloadingKeyManager;
import dev.schemagate.server.tls.ServerTls;
import dev.schemagate.server.tls.TlsException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The registry's HTTPS listener, serving the PEM pair of {@code SCHEMAGATE_TLS_CERT} and {@code
 * SCHEMAGATE_TLS_KEY} through the webhooks' reloading key manager: a rotated certificate is served
 * from the next handshake on, with no restart.
 */
final class HttpsConnector {
  private HttpsConnector() {}

  static SSLContext context(Path cert, Path key) {
    try {
      return ServerTls.context(new ReloadingKeyManager(cert, key));
    } catch (TlsException e) {
      throw new IllegalStateException("cannot serve HTTPS: " + e.getMessage(), e);
    }
  }

  static Connector create(
      Server server, HttpConfiguration http, SSLContext context, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(context);
    HttpConfiguration https = new HttpConfiguration(http);
    // Clients reach the registry by service names and addresses the certificate may not list as
    // an SNI host; the client verifies the certificate, the server need not police SNI.
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
