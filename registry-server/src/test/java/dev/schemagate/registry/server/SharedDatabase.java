package dev.schemagate.registry.server;

/** The shared test PostgreSQL, for tests in other packages of this module. */
public final class SharedDatabase {
  private SharedDatabase() {}

  public static DatabaseConfig config() {
    return SharedPostgres.database();
  }
}
