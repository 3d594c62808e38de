package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.cli.Schemagate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code schemagate check} on real JSON Lines and CSV files, run as the CLI runs. */
class CheckFileTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Schemagate.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private Run check(Path source, String... extra) throws Exception {
    String[] base = {
      "check", "--contract", CheckFixtures.contract().toString(), "--source", source.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return run(args);
  }

  static Map<String, JsonNode> rules(String json) throws Exception {
    Map<String, JsonNode> byId = new HashMap<>();
    new ObjectMapper().readTree(json).get("rules").forEach(r -> byId.put(r.get("id").asText(), r));
    return byId;
  }

  @Test
  void shouldPassACleanJsonLinesFile() throws Exception {
    Run run = check(file("orders.jsonl", CheckFixtures.cleanJsonLines()));

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("## Checkpoint PASSED: contract `orders`")
        .contains("3 rows checked")
        .contains("0 of 13 rules failed");
  }

  @Test
  void shouldCountEachBrokenRuleAndShowTheFailingRowsByLine() throws Exception {
    Run run = check(file("orders.jsonl", CheckFixtures.violatingJsonLines()), "--format", "json");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("verdict").asText()).isEqualTo("FAILED");
    assertThat(report.get("rows").asLong()).isEqualTo(4);
    Map<String, JsonNode> rules = rules(run.out());
    assertThat(rules.get("not_null(orderId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("not_null(orderId)").get("samples").get(0).asText())
        .startsWith("line 4: ");
    assertThat(rules.get("unique(orderId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("unique(orderId)").get("samples").get(0).asText()).startsWith("line 3: ");
    assertThat(rules.get("range(amount)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("range(amount)").get("samples").get(0).asText()).contains("5000");
    assertThat(rules.get("accepted_values(currency)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("type(amount)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("type(orderId)").get("failing").asLong()).isEqualTo(1);
    assertThat(rules.get("type(note)").get("status").asText()).isEqualTo("PASSED");
    assertThat(rules.get("regex(customerId)").get("status").asText()).isEqualTo("FAILED");
    assertThat(rules.get("regex(customerId)").get("severity").asText()).isEqualTo("WARN");
    assertThat(rules.get("freshness(placedAt)").get("status").asText()).isEqualTo("PASSED");
    assertThat(rules.get("row_count").get("status").asText()).isEqualTo("PASSED");
  }

  @Test
  void shouldPassWhenOnlyAWarningRuleFails() throws Exception {
    String at = CheckFixtures.recent();
    Run run =
        check(
            file(
                "orders.jsonl",
                "{\"orderId\": \"o-1\", \"amount\": 1, \"customerId\": \"bad\", \"placedAt\": \"%s\"}\n"
                    .formatted(at)));

    assertThat(run.code()).as(run.out()).isZero();
    assertThat(run.out()).contains("| `regex(customerId)` | warn | **FAILED** | 1 |");
  }

  @Test
  void shouldFailFreshnessWhenTheNewestRowIsTooOld() throws Exception {
    Run run =
        check(
            file(
                "orders.jsonl",
                "{\"orderId\": \"o-1\", \"amount\": 1, \"placedAt\": \"2020-01-01T00:00:00Z\"}\n"),
            "--format",
            "json");

    assertThat(run.code()).isEqualTo(1);
    assertThat(rules(run.out()).get("freshness(placedAt)").get("detail").asText())
        .contains("newest placedAt 2020-01-01T00:00:00Z")
        .contains("max 60m");
  }

  @Test
  void shouldFailRowCountOnAnEmptyFile() throws Exception {
    Run run = check(file("orders.jsonl", ""), "--format", "json");

    assertThat(run.code()).isEqualTo(1);
    assertThat(rules(run.out()).get("row_count").get("detail").asText())
        .isEqualTo("0 rows; expected at least 1");
  }

  @Test
  void shouldFailRowCountOnAnEmptyCsvFileRatherThanCallItMalformed() throws Exception {
    Run run = check(file("orders.csv", ""), "--format", "json");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(rules(run.out()).get("row_count").get("detail").asText())
        .isEqualTo("0 rows; expected at least 1");
  }

  @Test
  void shouldNameTheMalformedLineByItsNumber() throws Exception {
    String good = CheckFixtures.cleanJsonLines();
    Run run = check(file("orders.jsonl", good + "{\"orderId\": \"o-9\", \"amount\": \n"));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("orders.jsonl: line 4").contains("not valid JSON");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseALineThatIsNotAnObject() throws Exception {
    Run run = check(file("orders.jsonl", CheckFixtures.cleanJsonLines() + "[1, 2]\n"));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("line 4: expected a JSON object, found an array");
  }

  @Test
  void shouldCheckACsvFileJudgingTypesByTheirText() throws Exception {
    String at = CheckFixtures.recent();
    Path clean =
        file(
            "clean.csv",
            "orderId,amount,currency,customerId,placedAt,note\n"
                + "o-1,10.5,EUR,c-001,%s,\n".formatted(at)
                + "o-2,0,USD,c-002,%s,\"a, quoted note\"\n".formatted(at));
    Path broken =
        file(
            "broken.csv",
            "orderId,amount,currency,customerId,placedAt\n"
                + "o-1,ten,EUR,c-001,%s\n".formatted(at)
                + ",20,EUR,c-002,%s\n".formatted(at));

    Run ok = check(clean);
    Run failed = check(broken, "--format", "json");

    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    assertThat(failed.code()).as(failed.err()).isEqualTo(1);
    Map<String, JsonNode> rules = rules(failed.out());
    assertThat(rules.get("type(amount)").get("samples").get(0).asText())
        .isEqualTo(
            "line 2: {\"orderId\":\"o-1\",\"amount\":\"ten\",\"currency\":\"EUR\","
                + "\"customerId\":\"c-001\",\"placedAt\":\""
                + at
                + "\"}");
    assertThat(rules.get("not_null(orderId)").get("samples").get(0).asText())
        .startsWith("line 3: ");
  }

  @Test
  void shouldNameACsvRecordWithTooManyCells() throws Exception {
    Path broken = file("broken.csv", "orderId,amount\no-1,1\no-2,2,extra\n");

    Run run = check(broken);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("broken.csv: line 3").contains("not valid CSV");
  }

  @Test
  void shouldWriteJUnitXmlThatCountsFailuresButNotWarnings() throws Exception {
    Path report = dir.resolve("report.xml");
    Run run =
        check(
            file("orders.jsonl", CheckFixtures.violatingJsonLines()),
            "--format",
            "junit",
            "-o",
            report.toString());

    assertThat(run.code()).isEqualTo(1);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
    var suite = xml.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("13");
    assertThat(suite.getAttribute("failures")).isEqualTo("6");
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(6);
    assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
        .startsWith("WARN 1 row breaks regex");
  }

  @Test
  void shouldKeepJUnitXmlWellFormedWhateverTheDataHolds() throws Exception {
    // values a hostile or broken producer writes: CDATA's end, markup, control characters, a
    // lone surrogate (JSON's \\ud800), and U+FFFE, which XML 1.0 forbids
    String at = CheckFixtures.recent();
    StringBuilder lines = new StringBuilder();
    for (String value :
        List.of("]]>", "<a&b>\\\"'", "\\u0001\\u0007bell", "\\ud800x", "\\ufffe", "\\uffff")) {
      lines.append(
          "{\"orderId\": \"dup\", \"amount\": -1, \"currency\": \"%s\", \"customerId\": \"%s\", \"placedAt\": \"%s\"}\n"
              .formatted(value, value, at));
    }
    Path report = dir.resolve("report.xml");
    Run run =
        check(
            file("hostile.jsonl", lines.toString()), "--format", "junit", "-o", report.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(3);
    String failures = xml.getDocumentElement().getTextContent();
    assertThat(failures).contains("]]>").contains("<a&b>").contains("\uFFFD");
    Path json = dir.resolve("report.json");
    Run asJson = check(dir.resolve("hostile.jsonl"), "--format", "json", "-o", json.toString());
    assertThat(asJson.code()).as(asJson.err()).isEqualTo(1);
    assertThat(rules(Files.readString(json)).get("range(amount)").get("failing").asLong())
        .isEqualTo(6);
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 60,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void shouldBoundARegexThatBacktracksExponentiallyAndCountTheRowAsFailing() throws Exception {
    String contract =
        Files.readString(CheckFixtures.contract())
            .replace("pattern: \"^c-[0-9]{3}$\"}, severity: warn", "pattern: \"^(.*c){16}y$\"}");
    Path contractFile = file("redos-contract.yaml", contract);
    String at = CheckFixtures.recent();
    Path data =
        file(
            "orders.jsonl",
            """
            {"orderId": "o-1", "amount": 1, "currency": "EUR", "customerId": "%s", "placedAt": "%s"}
            {"orderId": "o-2", "amount": 1, "currency": "EUR", "customerId": "%s", "placedAt": "%s"}
            """
                .formatted("c".repeat(40) + "!", at, "c".repeat(16) + "y", at));

    Run run =
        run(
            "check",
            "--contract",
            contractFile.toString(),
            "--source",
            data.toString(),
            "--format",
            "json");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode regex = rules(run.out()).get("regex(customerId)");
    assertThat(regex.get("failing").asLong()).isEqualTo(1);
    assertThat(regex.get("detail").asText())
        .contains("1 of them because matching took longer than 100 ms (limit regex-time");
    assertThat(regex.get("samples").get(0).asText()).startsWith("line 1: ");
  }

  private Path gzip(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void shouldReadGzipCompressedJsonLinesAndCsvAndNameTheirProblems() throws Exception {
    Run clean = check(gzip("orders.jsonl.gz", CheckFixtures.cleanJsonLines()));
    Run violating =
        check(gzip("violating.jsonl.gz", CheckFixtures.violatingJsonLines()), "--format", "json");
    Run broken = check(gzip("broken.jsonl.gz", "{\"orderId\": \"o-1\"}\n{\"orderId\": \n"));
    Path cut = dir.resolve("cut.jsonl.gz");
    byte[] whole = Files.readAllBytes(dir.resolve("orders.jsonl.gz"));
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    Run truncated = check(cut);
    Run csv =
        check(
            gzip(
                "orders.csv.gz",
                "orderId,amount,currency,placedAt\no-1,10,EUR," + CheckFixtures.recent() + "\n"));

    assertThat(clean.code()).as(clean.err()).isZero();
    assertThat(clean.out()).contains("3 rows checked");
    assertThat(violating.code()).isEqualTo(1);
    assertThat(rules(violating.out()).get("range(amount)").get("samples").get(0).asText())
        .startsWith("line 2: ");
    assertThat(broken.code()).isEqualTo(2);
    assertThat(broken.err()).contains("broken.jsonl.gz: line 2: not valid JSON");
    assertThat(truncated.code()).isEqualTo(2);
    assertThat(truncated.err())
        .startsWith("schemagate check: " + cut + ": ")
        .doesNotContain("\tat ");
    assertThat(csv.code()).as(csv.err()).isZero();
  }

  @Test
  void shouldFindAContractByNameInADirectory() throws Exception {
    Path contracts = Files.createDirectories(dir.resolve("contracts"));
    Files.copy(CheckFixtures.contract(), contracts.resolve("orders.yaml"));

    Run found =
        run(
            "check",
            "--contract",
            "orders",
            "--contracts-dir",
            contracts.toString(),
            "--source",
            file("orders.jsonl", CheckFixtures.cleanJsonLines()).toString());
    Run unknown =
        run(
            "check",
            "--contract",
            "payments",
            "--contracts-dir",
            contracts.toString(),
            "--source",
            "x.jsonl");

    assertThat(found.code()).as(found.err()).isZero();
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown contract 'payments'").contains("(found: orders)");
  }

  @Test
  void shouldRefuseSourcesItCannotRead() throws Exception {
    Run missing = check(dir.resolve("nope.jsonl"));
    Run parquet = check(file("orders.parquet", "PAR1"));
    Run unknown = check(file("orders.txt", "x"));
    Run noTable =
        run(
            "check",
            "--contract",
            CheckFixtures.contract().toString(),
            "--source",
            "postgresql://localhost:1/db");

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.jsonl: no such file");
    assertThat(parquet.code()).isEqualTo(2);
    assertThat(parquet.err()).contains("orders.parquet: not a readable Parquet file");
    assertThat(unknown.err()).contains("cannot tell the file format").contains("--source-format");
    assertThat(noTable.err()).contains("needs --table");
  }
}
