package dev.schemagate.server.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/** The server's TLS context, whose certificate follows the PEM files on disk. */
public final class ServerTls {
  private ServerTls() {}

  public static SSLContext context(ReloadingKeyManager keyManager) throws TlsException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {keyManager}, null, null);
      // Resumed sessions skip the key manager; keep them short so a rotation is seen promptly.
      context.getServerSessionContext().setSessionTimeout(300);
      return context;
    } catch (GeneralSecurityException e) {
      throw new TlsException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  public static SSLContext context(Path certFile, Path keyFile) throws TlsException {
    return context(new ReloadingKeyManager(certFile, keyFile));
  }
}
