package dev.schemagate.registry.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL connection pool, migrated on open. Every write runs in one transaction, retried
 * when PostgreSQL reports a conflict that a retry resolves (serialization failure, deadlock, a
 * unique violation from a concurrent writer).
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");
  private static final int ATTEMPTS = 5;
  private static final Executor PROBES = Executors.newVirtualThreadPerTaskExecutor();

  // While PostgreSQL is unreachable, requests answer 503 at once instead of each waiting out the
  // pool's connection timeout; one background prober tries again every PROBE_EVERY, so no request
  // ever pays for finding out whether it is back.
  private static final long PROBE_EVERY_MILLIS = 1_000;
  // A readiness probe that cannot finish in time on a starved CPU or a busy pool is no evidence of
  // an outage while the pool handed out a connection this recently.
  private static final long ANSWERED_RECENTLY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private final AtomicBoolean unreachable = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long answeredAtNanos = System.nanoTime();
  private volatile boolean closed;

  private final HikariDataSource dataSource;
  private final Optional<EmbeddedDatabase> embedded;
  private final Counter errors;

  private Database(
      HikariDataSource dataSource, Optional<EmbeddedDatabase> embedded, MeterRegistry metrics) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.errors =
        Counter.builder("schemagate.db.errors")
            .description("database calls that failed")
            .register(metrics);
  }

  /** Connects (starting the embedded PostgreSQL when {@code embedded} is given) and migrates. */
  public static Database open(
      String url,
      String user,
      String password,
      Optional<EmbeddedDatabase> embedded,
      MeterRegistry metrics) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setUsername(user);
    hikari.setPassword(password);
    hikari.setPoolName("schemagate-registry");
    hikari.setMaximumPoolSize(10);
    hikari.setConnectionTimeout(3_000);
    hikari.setValidationTimeout(1_000);
    hikari.setMetricRegistry(metrics);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedDatabase::close);
      throw new IllegalStateException(
          "cannot connect to PostgreSQL at " + url + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          // Modules add their own migrations (lineage at V100+); the order they land in is free.
          .outOfOrder(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      embedded.ifPresent(EmbeddedDatabase::close);
      throw new IllegalStateException("database migration failed: " + rootMessage(e), e);
    }
    return new Database(dataSource, embedded, metrics);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Where the pool connects (no credentials in it). */
  public String jdbcUrl() {
    return dataSource.getJdbcUrl();
  }

  /**
   * True when PostgreSQL answers within a second (a readiness probe must not wait for the pool's
   * longer connection timeout), or, when it cannot tell that fast, when the pool handed out a
   * connection in the last 10 s: a replica that is busy (every connection at work, the CPU taken by
   * compatibility checks) must stay in service, since taking it out only moves its load onto the
   * others. A lost connection marks the database unreachable at once, whatever this says.
   */
  public boolean isReachable() {
    if (unreachable.get()) {
      return false;
    }
    CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(this::answers, PROBES);
    try {
      return probe.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return !unreachable.get() && System.nanoTime() - answeredAtNanos < ANSWERED_RECENTLY_NANOS;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean answers() {
    try (Connection connection = dataSource.getConnection()) {
      answeredAtNanos = System.nanoTime();
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection connect() throws SQLException {
    if (unreachable.get()) {
      throw new SQLTransientConnectionException(
          "the database was unreachable a moment ago", "08001");
    }
    try {
      Connection connection = dataSource.getConnection();
      answeredAtNanos = System.nanoTime();
      return connection;
    } catch (SQLException e) {
      // A timeout with a cause is a failed connection attempt; without one, a busy pool, unless
      // the pool holds no connection at all (its last attempt may not have failed yet).
      if (e.getCause() != null
          || (e.getSQLState() != null && e.getSQLState().startsWith("08"))
          || poolIsEmpty()) {
        markUnreachable();
      }
      throw e;
    }
  }

  /** Fails requests fast from now on, until the background prober reaches PostgreSQL again. */
  private void markUnreachable() {
    if (unreachable.compareAndSet(false, true)) {
      // Once per outage, not once per request: an outage must not flood the log.
      LOG.warn("PostgreSQL is unreachable: answering 503 until it answers again");
    }
    if (probing.compareAndSet(false, true)) {
      PROBES.execute(this::probeUntilReachable);
    }
  }

  private void probeUntilReachable() {
    try {
      while (!closed && !answers()) {
        Thread.sleep(PROBE_EVERY_MILLIS);
      }
      if (unreachable.compareAndSet(true, false) && !closed) {
        LOG.info("PostgreSQL answers again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      probing.set(false);
    }
    // A request that failed while this prober was finishing may have marked it again.
    if (unreachable.get() && !closed) {
      markUnreachable();
    }
  }

  private boolean poolIsEmpty() {
    var pool = dataSource.getHikariPoolMXBean();
    return pool != null && pool.getTotalConnections() == 0;
  }

  /** Runs read-only work on a pooled connection in autocommit mode. */
  public <T> T read(SqlWork<T> work) {
    try (Connection connection = connect()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  /**
   * Runs work in one transaction, retrying conflicts; domain exceptions roll back and propagate.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection connection = connect()) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(connection);
          throw e;
        }
      } catch (SQLException e) {
        // Some driver errors (an I/O failure mid-query) carry no SQL state at all.
        if (e.getSQLState() == null || !RETRYABLE.contains(e.getSQLState())) {
          throw storeFailure(e);
        }
        last = e;
        LOG.debug("retrying transaction after {} (attempt {})", e.getSQLState(), attempt);
      }
    }
    throw storeFailure(last);
  }

  /**
   * Runs work in a transaction that stays open (retrying conflicts like {@link #inTransaction}):
   * the caller commits it later, possibly on another thread, so the next work can run while this
   * commit waits for its fsync.
   */
  public <T> OpenTransaction<T> begin(SqlWork<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Connection connection = null;
      try {
        connection = connect();
        connection.setAutoCommit(false);
        T result = work.run(connection);
        return new OpenTransaction<>(connection, result);
      } catch (SQLException | RuntimeException e) {
        if (connection != null) {
          rollbackQuietly(connection);
          closeQuietly(connection);
        }
        if (!(e instanceof SQLException sql)) {
          throw (RuntimeException) e;
        }
        if (sql.getSQLState() == null || !RETRYABLE.contains(sql.getSQLState())) {
          throw storeFailure(sql);
        }
        last = sql;
        LOG.debug("retrying transaction after {} (attempt {})", sql.getSQLState(), attempt);
      }
    }
    throw storeFailure(last);
  }

  /** A transaction {@link #begin} left open, with what its work returned. */
  public final class OpenTransaction<T> {
    private final Connection connection;
    private final T result;

    private OpenTransaction(Connection connection, T result) {
      this.connection = connection;
      this.result = result;
    }

    public T result() {
      return result;
    }

    /** Commits and returns the connection to the pool; a failure rolls back and throws. */
    public void commit() {
      try {
        connection.commit();
      } catch (SQLException e) {
        rollbackQuietly(connection);
        throw storeFailure(e);
      } finally {
        closeQuietly(connection);
      }
    }

    /** Rolls back and returns the connection to the pool. */
    public void rollback() {
      rollbackQuietly(connection);
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the pool evicts a connection it cannot reset
    }
  }

  private RegistryServerException storeFailure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("22")) {
      // A data exception (e.g. a NUL character, which PostgreSQL text cannot hold) is the
      // request's fault, not the store's.
      return RegistryServerException.malformed(
          "The request holds a value the registry cannot store: " + firstLine(e.getMessage()));
    }
    errors.increment();
    if (connectionLost(e, state)) {
      if (!(e instanceof SQLTransientConnectionException)) {
        // A connection died under work; connect() already judged the pool's own timeouts.
        markUnreachable();
      }
      return new RegistryServerException(
          Reason.STORE_UNAVAILABLE, "The database is not reachable; try again shortly", e);
    }
    LOG.error("database error {}", e.getSQLState(), e);
    return new RegistryServerException(Reason.STORE_ERROR, "Error in the backend data store", e);
  }

  /**
   * The database went away rather than refused the work: no connection (08), a server shutting down
   * or restarting (57P01–57P03), or an I/O failure mid-query (no SQL state, an I/O cause). Which of
   * these a request sees depends on when PostgreSQL died, so all answer the same 503.
   */
  private static boolean connectionLost(SQLException e, String state) {
    return e instanceof SQLTransientConnectionException
        || state.startsWith("08")
        || state.startsWith("57P")
        || (state.isEmpty() && e.getCause() instanceof java.io.IOException);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is returned to the pool and validated there
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  @Override
  public void close() {
    closed = true;
    dataSource.close();
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
