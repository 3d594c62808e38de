package dev.schemagate.registry.server.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run on a connection the {@link Database} provides. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
