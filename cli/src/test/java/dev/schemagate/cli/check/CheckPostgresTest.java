package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code schemagate check} against tables of a real (embedded) PostgreSQL. */
class CheckPostgresTest {
  private static EmbeddedPostgres postgres;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    url = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        Statement sql = db.createStatement()) {
      String columns =
          "(order_id text, amount numeric, currency text, customer_id text,"
              + " placed_at timestamptz, note text)";
      sql.execute("CREATE TABLE clean_orders " + columns);
      sql.execute("CREATE TABLE broken_orders " + columns);
      sql.execute("CREATE SCHEMA sales");
      sql.execute("CREATE TABLE sales.\"Orders\" (\"orderId\" text, amount text, placed_at date)");
      sql.execute(
          """
          INSERT INTO clean_orders
          SELECT 'o-' || i, i % 1000, CASE WHEN i % 2 = 0 THEN 'EUR' ELSE 'USD' END,
                 'c-' || lpad((i % 1000)::text, 3, '0'), now() - interval '5 minutes', NULL
          FROM generate_series(1, 2000) AS i
          """);
      sql.execute(
          """
          INSERT INTO broken_orders VALUES
            ('o-1', 10, 'EUR', 'c-001', now() - interval '5 minutes', NULL),
            ('o-2', 5000, 'EUR', 'c-002', now() - interval '5 minutes', NULL),
            ('o-2', 20, 'GBP', 'x9', now() - interval '5 minutes', NULL),
            (NULL, 30, 'USD', 'c-004', now() - interval '5 minutes', NULL)
          """);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static CheckFileTest.Run check(String table, String... format) throws Exception {
    return CheckFileTest.run(
        "check",
        "--contract",
        CheckFixtures.contract().toString(),
        "--source",
        url,
        "--table",
        table,
        "--format",
        format.length == 0 ? "json" : format[0]);
  }

  @Test
  void shouldPassACleanTableMatchingSnakeCaseColumns() throws Exception {
    CheckFileTest.Run run = check("clean_orders");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("\"rows\" : 2000").contains("\"verdict\" : \"PASSED\"");
  }

  @Test
  void shouldCountEachBrokenRuleInOnePassAndFetchSampleRows() throws Exception {
    CheckFileTest.Run run = check("broken_orders");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
    assertThat(rules.get("not_null(orderId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("type(orderId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("unique(orderId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("unique(orderId)").get("samples")).hasSize(2);
    assertThat(rules.get("range(amount)").get("samples").get(0).asText())
        .contains("\"amount\":5000");
    assertThat(rules.get("accepted_values(currency)").get("samples").get(0).asText())
        .contains("GBP");
    assertThat(rules.get("regex(customerId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("freshness(placedAt)").get("status").asText()).isEqualTo("PASSED");
    assertThat(rules.get("row_count").get("detail").asText())
        .isEqualTo("4 rows; expected at least 1");
  }

  @Test
  void shouldFailTypesAndRulesOfColumnsThatAreMissingOrOfTheWrongType() throws Exception {
    CheckFileTest.Run run = check("sales.Orders");

    assertThat(run.code()).isEqualTo(1);
    Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
    assertThat(rules.get("type(orderId)").get("status").asText()).isEqualTo("PASSED");
    assertThat(rules.get("type(amount)").get("detail").asText())
        .isEqualTo("column amount is text, which cannot hold the schema type number");
    assertThat(rules.get("type(currency)").get("detail").asText())
        .isEqualTo("table sales.Orders has no column for field 'currency'");
    assertThat(rules.get("freshness(placedAt)").get("detail").asText())
        .contains("cannot hold timestamps");
  }

  @Test
  void shouldNameAMissingTable() throws Exception {
    CheckFileTest.Run run = check("no_such_table");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "schemagate check: table 'no_such_table' does not exist in database 'postgres'"
                + " (searched the current schema)\n");
  }

  @Test
  void shouldSayWhenTheDatabaseCannotBeReached() throws Exception {
    CheckFileTest.Run run =
        CheckFileTest.run(
            "check",
            "--contract",
            CheckFixtures.contract().toString(),
            "--source",
            "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres",
            "--table",
            "orders");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "schemagate check: cannot connect to jdbc:postgresql://127.0.0.1:1/postgres"
                + " table orders: ");
  }
}
