package dev.schemagate.registry.server;

import dev.schemagate.core.config.Startup;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar schemagate-registry.jar [--port=8081] [--db-url=...] ...}. */
public final class RegistryMain {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryMain.class);

  private RegistryMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (Startup.wantsHelp(args)) {
      System.out.println(
          """
          schemagate registry: a Confluent-compatible schema registry on PostgreSQL.
          Environment (flags of the same name override, e.g. --port=8081):
            SCHEMAGATE_PORT          HTTP port (default 8081)
            SCHEMAGATE_HOST          bind address (default 0.0.0.0)
            SCHEMAGATE_DB_URL        jdbc:postgresql://... (default: embedded PostgreSQL)
            SCHEMAGATE_DB_USER, SCHEMAGATE_DB_PASSWORD
            SCHEMAGATE_REDIS_URL     redis://host:6379 shared cache (default: none)
            SCHEMAGATE_DATA_DIR      embedded PostgreSQL data (default ~/.schemagate)
            SCHEMAGATE_MAX_REQUEST_BYTES  largest accepted body (default 8388608)
            SCHEMAGATE_SEVERITY_POLICY    lineage severity policy file, YAML or JSON (default: built in)
            SCHEMAGATE_LOG_LEVEL     trace, debug, info (default), warn, error, off
            SCHEMAGATE_AUTH_FILE     users, bcrypt hashes and grants (YAML); auth is off without it
            SCHEMAGATE_AUTH_JWKS_URL bearer JWTs checked against this key set (sub = a user)
            SCHEMAGATE_AUTH_JWT_ISSUER, SCHEMAGATE_AUTH_JWT_AUDIENCE  required iss / aud claims
            SCHEMAGATE_TLS_CERT, SCHEMAGATE_TLS_KEY  PEM files: serve HTTPS, reloaded on change
          A bad value stops start-up with one line and exit code 2.
          --hash-password reads a password on stdin and prints its bcrypt hash for the auth file.""");
      return;
    }
    if (List.of(args).contains("--hash-password")) {
      java.io.Console console = System.console();
      char[] password =
          console != null
              ? console.readPassword("password: ")
              : new java.util.Scanner(System.in, java.nio.charset.StandardCharsets.UTF_8)
                  .nextLine()
                  .toCharArray();
      System.out.println(dev.schemagate.registry.server.security.PasswordCheck.hash(password));
      return;
    }
    RegistryConfig config;
    try {
      config = RegistryConfig.fromEnvironment(System.getenv(), List.of(args));
    } catch (RegistryConfig.InvalidConfigException e) {
      Startup.fail("schemagate-registry", e.getMessage(), System.err);
      System.exit(Startup.BAD_CONFIGURATION);
      return;
    }
    RunningRegistry registry;
    try {
      registry = RegistryServer.start(config);
    } catch (RuntimeException e) {
      Startup.fail("schemagate-registry", "cannot start: " + e.getMessage(), System.err);
      LOG.debug("start-up failure", e);
      System.exit(1);
      return;
    }
    LOG.info("schemagate registry listening on {}", registry.url());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  registry.close();
                  stopped.countDown();
                },
                "schemagate-shutdown"));
    stopped.await();
  }
}
