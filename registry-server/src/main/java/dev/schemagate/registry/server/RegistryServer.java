package dev.schemagate.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.registry.server.api.ErrorMapper;
import dev.schemagate.registry.server.api.FastLookups;
import dev.schemagate.registry.server.api.JettyErrorHandler;
import dev.schemagate.registry.server.api.RequestGuard;
import dev.schemagate.registry.server.api.Wire;
import dev.schemagate.registry.server.cache.RedisCache;
import dev.schemagate.registry.server.cache.ResponseCache;
import dev.schemagate.registry.server.cache.SharedCache;
import dev.schemagate.registry.server.ops.HttpMetrics;
import dev.schemagate.registry.server.registry.CoreEngines;
import dev.schemagate.registry.server.registry.RegistryService;
import dev.schemagate.registry.server.registry.SchemaEngine;
import dev.schemagate.registry.server.registry.SettingsService;
import dev.schemagate.registry.server.security.AccessControl;
import dev.schemagate.registry.server.security.AuthFile;
import dev.schemagate.registry.server.security.Authenticator;
import dev.schemagate.registry.server.security.SecurityConfig;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.EmbeddedDatabase;
import dev.schemagate.registry.server.storage.SchemaRepository;
import dev.schemagate.registry.server.storage.SubjectRepository;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts the registry: PostgreSQL (external, or embedded under the data directory), the caches, and
 * the HTTP server with every {@link RouteGroup}.
 *
 * <p>In another module's tests: {@code try (RunningRegistry registry =
 * RegistryConfig.forTests().start()) { registry.url() ... }}.
 */
public final class RegistryServer {
  private RegistryServer() {}

  public static RunningRegistry start(RegistryConfig config) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      return start(config, resources);
    } catch (RuntimeException e) {
      for (AutoCloseable resource : resources.reversed()) {
        try {
          resource.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static RunningRegistry start(RegistryConfig config, List<AutoCloseable> resources) {
    if (config.ephemeralDataDir()) {
      resources.add(() -> deleteRecursively(config.dataDir()));
    }
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);

    Database database = openDatabase(config, metrics);
    resources.add(database);
    SharedCache shared =
        config
            .redisUrl()
            .<SharedCache>map(url -> new RedisCache(url, metrics))
            .orElse(new SharedCache.None());
    ResponseCache cache = new ResponseCache(shared, metrics);
    resources.add(cache);

    SchemaRepository repository = new SchemaRepository();
    SubjectRepository subjects = new SubjectRepository();
    SchemaEngine engine = CoreEngines.defaults(metrics);
    SettingsService settings = new SettingsService(database, subjects);
    RegistryService registry =
        new RegistryService(database, repository, subjects, engine, settings, cache);
    ObjectMapper json = Wire.newMapper();
    ServerContext context =
        new ServerContext(config, database, registry, settings, engine, cache, json, metrics);

    AccessControl access = new AccessControl(authenticator(config.security()));
    Optional<javax.net.ssl.SSLContext> tls =
        config.security().tlsEnabled()
            ? Optional.of(
                HttpsConnector.context(
                    config.security().tlsCert().orElseThrow(),
                    config.security().tlsKey().orElseThrow()))
            : Optional.empty();
    HttpMetrics httpMetrics = new HttpMetrics(metrics);
    ErrorMapper errors = new ErrorMapper(json);
    Javalin app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.startup.showOldJavalinVersionWarning = false;
              javalin.http.maxRequestSize = config.maxRequestBytes();
              javalin.http.defaultContentType = Wire.CONTENT_TYPE;
              javalin.http.prefer405over404 = true;
              // Bodies are small JSON; checking each response for gzip cost about a tenth of a
              // cached lookup's CPU (Confluent's server does not compress either).
              javalin.http.compressionStrategy = CompressionStrategy.NONE;
              // Javalin copies every result through a buffer of this size, allocated per response
              // (Jetty's 32 KiB output buffer by default): most of a lookup's garbage, and young
              // GC pauses were the p99 of uncached lookups. Jetty still aggregates the writes.
              javalin.http.responseBufferSize = 4096;
              javalin.router.ignoreTrailingSlashes = true;
              javalin.requestLogger.http(httpMetrics::record);
              javalin.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(new JettyErrorHandler(json));
                    // Cached hot reads skip the servlet layer and the router (auth still holds).
                    server.insertHandler(new FastLookups(cache, access, httpMetrics));
                  });
              tls.ifPresent(
                  sslContext ->
                      javalin.jetty.addConnector(
                          (server, http) ->
                              HttpsConnector.create(
                                  server, http, sslContext, config.host(), config.port())));
              access.install(javalin.routes);
              RequestGuard.install(javalin.routes);
              for (RouteGroup group : RouteGroups.all(context)) {
                group.addRoutes(javalin.routes);
              }
              errors.install(javalin.routes);
            });
    resources.add(app::stop);
    app.start(config.host(), config.port());
    resources.remove(resources.size() - 1);
    return new RunningRegistry(app, config.host(), context, List.copyOf(resources));
  }

  private static Optional<Authenticator> authenticator(SecurityConfig security) {
    if (!security.authEnabled()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Authenticator(security));
    } catch (AuthFile.InvalidAuthFileException e) {
      throw new IllegalStateException("the auth file cannot be used: " + e.getMessage(), e);
    }
  }

  private static Database openDatabase(RegistryConfig config, PrometheusMeterRegistry metrics) {
    if (config.database().isPresent()) {
      DatabaseConfig db = config.database().get();
      return Database.open(db.url(), db.user(), db.password(), Optional.empty(), metrics);
    }
    EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir());
    return Database.open(
        embedded.jdbcUrl(), embedded.user(), embedded.password(), Optional.of(embedded), metrics);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
