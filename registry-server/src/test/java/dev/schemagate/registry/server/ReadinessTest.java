package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.server.storage.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Readiness says whether PostgreSQL can be reached, not whether this replica is idle: a busy
 * replica taken out of service only moves its load onto the others. (CI once saw {@code /readyz}
 * answer 503 while ten slow compatibility checks took both cores.) A dead database is in {@code
 * DatabaseOutageTest}.
 */
class ReadinessTest {
  @Test
  void shouldStayReadyWhileEveryPooledConnectionIsBusy() throws Exception {
    DatabaseConfig config = SharedPostgres.database();
    try (Database database =
        Database.open(
            config.url(),
            config.user(),
            config.password(),
            Optional.empty(),
            new SimpleMeterRegistry())) {
      assertThat(database.isReachable()).isTrue();
      List<Connection> held = new ArrayList<>();
      try {
        // The pool's ten connections, all at work: a probe cannot get one within its second.
        for (int i = 0; i < 10; i++) {
          held.add(database.dataSource().getConnection());
        }
        assertThat(database.isReachable())
            .as("a busy pool is not an unreachable database")
            .isTrue();
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }
      assertThat(database.isReachable()).isTrue();
    }
  }
}
