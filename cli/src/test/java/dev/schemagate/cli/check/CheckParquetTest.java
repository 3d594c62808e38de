package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemagate check} on Parquet files written here by parquet-java's own writer: logical
 * types (decimal, timestamp, date, string), optional and nested columns, lists, compression codecs,
 * and files that are not Parquet or are cut short.
 */
class CheckParquetTest {
  private static final MessageType ORDERS = ParquetFixtures.ORDERS;

  private static final MessageType CUSTOMERS =
      MessageTypeParser.parseMessageType(
          """
          message customers {
            required int64 id;
            optional group customer {
              optional binary email (STRING);
              optional group address { optional binary country (STRING); }
            }
            optional int32 balance (DECIMAL(9,2));
            optional int32 signup (DATE);
            optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
            required int64 updatedAt (TIMESTAMP(MILLIS,true));
          }
          """);

  @TempDir Path dir;

  private Path write(
      String name, MessageType schema, CompressionCodecName codec, List<Consumer<Group>> rows)
      throws Exception {
    return ParquetFixtures.write(dir.resolve(name), schema, codec, rows);
  }

  private static Consumer<Group> order(String id, long cents, String currency, String customer) {
    return ParquetFixtures.order(id, cents, currency, customer);
  }

  private CheckFileTest.Run check(Path contract, Path source) {
    return CheckFileTest.run(
        "check",
        "--contract",
        contract.toString(),
        "--source",
        source.toString(),
        "--format",
        "json");
  }

  private static Path customersContract() throws Exception {
    return Path.of(CheckFixtures.class.getResource("customers-contract.yaml").toURI());
  }

  @Test
  void shouldPassACleanSnappyFileOfManyRowGroupsWithLogicalTypes() throws Exception {
    List<Consumer<Group>> rows =
        java.util.stream.IntStream.range(0, 20_000)
            .mapToObj(i -> order("o-" + i, i % 100_000, i % 2 == 0 ? "EUR" : "USD", "c-001"))
            .toList();
    Path file = write("orders.parquet", ORDERS, CompressionCodecName.SNAPPY, rows);

    CheckFileTest.Run run = check(CheckFixtures.contract(), file);

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(report.get("rows").asLong()).isEqualTo(20_000);
    Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
    assertThat(rules.get("type(amount)").get("status").asText()).isEqualTo("PASSED");
    assertThat(rules.get("type(placedAt)").get("status").asText()).isEqualTo("PASSED");
    assertThat(rules.get("freshness(placedAt)").get("status").asText()).isEqualTo("PASSED");
    assertThat(rules.get("unique(orderId)").get("status").asText()).isEqualTo("PASSED");
  }

  @Test
  void shouldCountBrokenRulesAndNameTheFailingRecords() throws Exception {
    Path file =
        write(
            "broken.parquet",
            ORDERS,
            CompressionCodecName.ZSTD,
            List.of(
                order("o-1", 1_050, "EUR", "c-001"),
                order("o-2", 500_000, "EUR", "c-002"), // 5000.00: out of range
                order("o-2", 2_000, "GBP", "x9"), // repeated id, currency, regex (a warning)
                order(null, 3_000, "USD", "c-004"))); // no id

    CheckFileTest.Run run = check(CheckFixtures.contract(), file);

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
    assertThat(rules.get("range(amount)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("range(amount)").get("samples").get(0).asText())
        .startsWith("record 2: ")
        .contains("\"amount\":5000.00");
    assertThat(rules.get("unique(orderId)").get("samples").get(0).asText())
        .startsWith("record 3: ");
    assertThat(rules.get("accepted_values(currency)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("not_null(orderId)").get("samples").get(0).asText())
        .startsWith("record 4: ");
    assertThat(rules.get("type(orderId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("regex(customerId)").get("status").asText()).isEqualTo("FAILED");
    assertThat(rules.get("type(amount)").get("status").asText()).isEqualTo("PASSED");
  }

  @Test
  void shouldReadNestedGroupsListsDatesAndDecimals() throws Exception {
    long now = Instant.now().minus(1, ChronoUnit.MINUTES).toEpochMilli();
    int today = (int) LocalDate.now().toEpochDay();
    Consumer<Group> clean =
        g -> {
          g.append("id", 1L).append("balance", 1_000).append("signup", today);
          g.append("updatedAt", now);
          Group customer = g.addGroup("customer").append("email", "ann@example.com");
          customer.addGroup("address").append("country", "DE");
          Group tags = g.addGroup("tags");
          tags.addGroup("list").append("element", "vip");
          tags.addGroup("list").append("element", "eu");
        };
    Path good = write("customers.parquet", CUSTOMERS, CompressionCodecName.GZIP, List.of(clean));
    Path bad =
        write(
            "customers-bad.parquet",
            CUSTOMERS,
            CompressionCodecName.UNCOMPRESSED,
            List.of(
                clean,
                g -> { // same id, an e-mail without @, a country not accepted, a negative balance
                  g.append("id", 1L).append("balance", -500).append("updatedAt", now);
                  Group customer = g.addGroup("customer").append("email", "nope");
                  customer.addGroup("address").append("country", "US");
                },
                g -> g.append("id", 3L).append("updatedAt", now))); // no customer at all

    CheckFileTest.Run ok = check(customersContract(), good);
    CheckFileTest.Run failed = check(customersContract(), bad);

    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    Map<String, JsonNode> passed = CheckFileTest.rules(ok.out());
    assertThat(passed.get("type(signup)").get("status").asText()).isEqualTo("PASSED");
    assertThat(passed.get("type(tags)").get("status").asText()).isEqualTo("PASSED");
    assertThat(passed.get("type(customer)").get("status").asText()).isEqualTo("PASSED");
    assertThat(failed.code()).as(failed.err()).isEqualTo(1);
    Map<String, JsonNode> rules = CheckFileTest.rules(failed.out());
    assertThat(rules.get("unique(id)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("not_null(customer.email)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("not_null(customer.email)").get("samples").get(0).asText())
        .startsWith("record 3: ");
    assertThat(rules.get("regex(customer.email)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("accepted_values(customer.address.country)").get("failing").asLong())
        .isEqualTo(1);
    assertThat(rules.get("range(balance)").get("samples").get(0).asText())
        .contains("\"balance\":-5.00");
    assertThat(rules.get("type(customer)").get("failing").asLong()).isEqualTo(1);
  }

  @Test
  void shouldRefuseATruncatedFileAndAFileThatIsNotParquetInOneLine() throws Exception {
    Path whole =
        write(
            "whole.parquet",
            ORDERS,
            CompressionCodecName.SNAPPY,
            List.of(order("o-1", 1, "EUR", "c-001")));
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated =
        Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    Path text = Files.writeString(dir.resolve("text.parquet"), "{\"orderId\": \"o-1\"}\n");
    Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);

    for (Path file : List.of(truncated, text, empty)) {
      CheckFileTest.Run run = check(CheckFixtures.contract(), file);

      assertThat(run.code()).as(file.toString()).isEqualTo(2);
      assertThat(run.err())
          .startsWith("schemagate check: " + file + ": not a readable Parquet file: ")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(run.err().lines().count()).isEqualTo(1);
    }
  }

  @Test
  void shouldReadADirectoryOfPartFilesAsOneDatasetNumberingRecordsAcrossThem() throws Exception {
    Path table = Files.createDirectories(dir.resolve("orders.parquet"));
    ParquetFixtures.write(
        table.resolve("part-00000.parquet"),
        ORDERS,
        CompressionCodecName.SNAPPY,
        List.of(order("o-1", 100, "EUR", "c-001"), order("o-2", 100, "EUR", "c-002")));
    ParquetFixtures.write(
        table.resolve("part-00001.parquet"),
        ORDERS,
        CompressionCodecName.SNAPPY,
        List.of(order("o-2", 100, "EUR", "c-003"))); // repeats an id of the first part
    Files.writeString(table.resolve("_SUCCESS"), "");
    Files.writeString(table.resolve(".part-00000.parquet.crc"), "not parquet");
    Path empty = Files.createDirectories(dir.resolve("empty.parquet"));

    CheckFileTest.Run run = check(CheckFixtures.contract(), table);
    CheckFileTest.Run none = check(CheckFixtures.contract(), empty);

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    Map<String, JsonNode> rules = CheckFileTest.rules(run.out());
    assertThat(rules.get("unique(orderId)").get("samples").get(0).asText())
        .startsWith("record 3: ");
    assertThat(rules.get("row_count").get("detail").asText()).startsWith("3 rows");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("empty.parquet: a directory without Parquet part files");
  }

  @Test
  void shouldSayWhenTheParquetFileIsMissing() throws Exception {
    CheckFileTest.Run run = check(CheckFixtures.contract(), dir.resolve("nope.parquet"));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("nope.parquet: no such file");
  }
}
