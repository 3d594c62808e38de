package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
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
      // nested fields: json in one table, jsonb in the other, text (not readable) in a third
      sql.execute(
          "CREATE TABLE clean_customers (id bigint, customer json, balance numeric,"
              + " signup date, tags jsonb, updated_at timestamptz)");
      sql.execute(
          "CREATE TABLE broken_customers (id bigint, customer jsonb, balance numeric,"
              + " updated_at timestamptz)");
      sql.execute(
          "CREATE TABLE flat_customers (id bigint, customer text, balance numeric,"
              + " updated_at timestamptz)");
      sql.execute(
          """
          INSERT INTO clean_customers VALUES
            (1, '{"email": "ann@example.com", "address": {"country": "DE"}}', 10,
             current_date, '["vip"]', now() - interval '5 minutes'),
            (2, '{"email": "bob@example.com", "address": {"country": "FR"}}', 0,
             current_date, '[]', now() - interval '5 minutes')
          """);
      sql.execute(
          """
          INSERT INTO broken_customers VALUES
            (1, '{"email": "ann@example.com", "address": {"country": "DE"}}', 10, now()),
            (1, '{"email": "nope", "address": {"country": "US"}}', -5, now()),
            (3, '{"address": {"country": "DE"}}', 1, now()),
            (4, '{"email": null, "address": "not an object"}', 1, now())
          """);
      sql.execute("INSERT INTO flat_customers VALUES (1, 'ann@example.com', 10, now())");
      // a timestamp without time zone holding UTC wall-clock time, as most pipelines write it
      sql.execute("CREATE TABLE local_orders (order_id text, amount numeric, placed_at timestamp)");
      sql.execute(
          "INSERT INTO local_orders VALUES ('o-1', 1, (now() - interval '5 minutes')"
              + " AT TIME ZONE 'UTC')");
      sql.execute("CREATE TABLE \"Mixed Case\" (\"orderId\" text, amount numeric)");
      sql.execute("INSERT INTO \"Mixed Case\" VALUES ('o-1', 1)");
      sql.execute("CREATE ROLE reader LOGIN");
      sql.execute("CREATE SCHEMA locked");
      sql.execute("CREATE TABLE locked.orders (order_id text)");
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
    // currency is optional: a table may leave it out; its rules still fail
    assertThat(rules.get("type(currency)").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(rules.get("type(currency)").get("detail").asText())
        .isEqualTo(
            "table sales.Orders has no column for the optional field 'currency': no row carries"
                + " it");
    assertThat(rules.get("accepted_values(currency)").get("detail").asText())
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
  void shouldReadATimestampWithoutTimeZoneAsUtcWhateverTheMachinesZone() throws Exception {
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo")); // UTC+9
    try {
      CheckFileTest.Run run = check("local_orders");

      Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
      assertThat(rules.get("freshness(placedAt)").get("status").asText())
          .as(rules.get("freshness(placedAt)").get("detail").asText())
          .isEqualTo("PASSED");
      assertThat(rules.get("freshness(placedAt)").get("detail").asText())
          .containsPattern("is \\d+m old");
    } finally {
      java.util.TimeZone.setDefault(zone);
    }
  }

  @Test
  void shouldSayTheUserMayNotReadATableRatherThanThatItIsMissing() throws Exception {
    String asReader = "postgresql://reader@localhost:" + postgres.getPort() + "/postgres";
    CheckFileTest.Run table =
        CheckFileTest.run(
            "check",
            "--contract",
            CheckFixtures.contract().toString(),
            "--source",
            asReader,
            "--table",
            "clean_orders");
    CheckFileTest.Run schema =
        CheckFileTest.run(
            "check",
            "--contract",
            CheckFixtures.contract().toString(),
            "--source",
            asReader,
            "--table",
            "locked.orders");

    assertThat(table.code()).isEqualTo(2);
    assertThat(table.err())
        .isEqualTo(
            "schemagate check: table 'clean_orders' exists but user 'reader' may not read it"
                + " (GRANT SELECT ON \"public\".\"clean_orders\" TO \"reader\")\n");
    assertThat(schema.err())
        .isEqualTo(
            "schemagate check: table 'locked.orders' exists but user 'reader' may not read it"
                + " (GRANT USAGE ON SCHEMA \"locked\" TO \"reader\")\n");
  }

  @Test
  void shouldPassATableThatLeavesOutAnOptionalField() throws Exception {
    // the fixture's schema: orderId, amount, placedAt required; currency, customerId, note not
    CheckFileTest.Run run = check("local_orders");

    Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
    assertThat(rules.get("type(note)").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(rules.get("type(orderId)").get("status").asText()).isEqualTo("PASSED");
  }

  @Test
  void shouldTakeATableNameQuotedAsSqlWritesIt() throws Exception {
    CheckFileTest.Run quoted = check("\"Mixed Case\"");
    CheckFileTest.Run qualified = check("public.\"Mixed Case\"");
    CheckFileTest.Run unclosed = check("\"Mixed Case");

    assertThat(quoted.out()).contains("\"rows\" : 1");
    assertThat(qualified.out()).contains("\"rows\" : 1");
    assertThat(unclosed.code()).isEqualTo(2);
    assertThat(unclosed.err()).contains("is not a table name");
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

  private static CheckFileTest.Run checkCustomers(String table) throws Exception {
    return CheckFileTest.run(
        "check",
        "--contract",
        Path.of(CheckFixtures.class.getResource("customers-contract.yaml").toURI()).toString(),
        "--source",
        url,
        "--table",
        table,
        "--format",
        "json");
  }

  @Test
  void shouldReadNestedFieldsInsideJsonAndJsonbColumnsInTheSameSelect() throws Exception {
    CheckFileTest.Run clean = checkCustomers("clean_customers");
    CheckFileTest.Run broken = checkCustomers("broken_customers");

    assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
    assertThat(broken.code()).as(broken.err()).isEqualTo(1);
    Map<String, JsonNode> rules = CheckFileTest.rules(broken.out());
    assertThat(rules.get("not_null(customer.email)").get("failing").asLong()).isEqualTo(2);
    assertThat(rules.get("not_null(customer.email)").get("samples").get(0).asText())
        .contains("\"id\":3");
    assertThat(rules.get("regex(customer.email)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("regex(customer.email)").get("samples").get(0).asText()).contains("nope");
    assertThat(rules.get("accepted_values(customer.address.country)").get("failing").asLong())
        .isEqualTo(1);
    assertThat(
            rules.get("accepted_values(customer.address.country)").get("samples").get(0).asText())
        .contains("US");
    assertThat(rules.get("unique(id)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("range(balance)").get("failing").asLong()).isEqualTo(1);
  }

  @Test
  void shouldNameANestedFieldThatNoJsonColumnHolds() throws Exception {
    CheckFileTest.Run run = checkCustomers("flat_customers");

    assertThat(run.code()).isEqualTo(1);
    Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
    assertThat(rules.get("not_null(customer.email)").get("detail").asText())
        .isEqualTo(
            "table public.flat_customers has no column for field 'customer.email', and its column"
                + " customer is text, not json or jsonb, so 'email' cannot be read inside it");
    assertThat(rules.get("accepted_values(customer.address.country)").get("detail").asText())
        .endsWith("so 'address.country' cannot be read inside it");
    assertThat(
            CheckFileTest.rules(checkCustomers("sales.Orders").out())
                .get("not_null(customer.email)")
                .get("detail")
                .asText())
        .isEqualTo(
            "table sales.Orders has no column for field 'customer.email', nor a json/jsonb"
                + " column 'customer' holding it");
  }
}
