package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Lines file read in parts on several threads gives what one pass gives: the same counts,
 * the same sample lines, an exact {@code unique} across parts, and a malformed line named by its
 * line in the whole file.
 */
class JsonLinesPartsTest {
  private static CheckPlan plan;
  private static final Instant NOW = Instant.now();

  @TempDir Path dir;

  @BeforeAll
  static void readPlan() throws Exception {
    List<JsonNode> docs =
        new ObjectMapper(new YAMLFactory())
            .readerFor(JsonNode.class)
            .<JsonNode>readValues(Files.readString(CheckFixtures.contract()))
            .readAll();
    plan =
        CheckPlan.of(
            "orders",
            ContractReader.read(docs.get(0).get("spec")),
            Schemas.parse(SchemaFormat.JSON, docs.get(1).at("/spec/schema").asText()));
  }

  /** 4,000 lines of ~150 bytes; every 700th breaks range, ids repeat 1,000 lines apart. */
  private Path orders(String extraLineAt3001) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 4_000; i++) {
      if (i == 3_001 && extraLineAt3001 != null) {
        lines.append(extraLineAt3001).append('\n');
        continue;
      }
      String id =
          i % 1_000 == 0 ? "o-dup-" + (i / 1_000 % 2) : "o-" + i; // lines 1000/3000, 2000/4000
      lines.append(
          "{\"orderId\":\"%s\",\"amount\":%d,\"currency\":\"EUR\",\"customerId\":\"c-001\",\"placedAt\":\"%s\",\"lines\":[{\"sku\":\"a\"}]}\n"
              .formatted(id, i % 700 == 0 ? 5_000 : 10, NOW.minusSeconds(i)));
    }
    return Files.writeString(dir.resolve("orders.jsonl"), lines);
  }

  private static Map<String, RuleResult> byId(RowEvaluator evaluator) {
    return evaluator.results().stream()
        .collect(Collectors.toMap(r -> r.check().id(), Function.identity()));
  }

  @Test
  void shouldCountAndSampleInPartsExactlyAsInOnePass() throws Exception {
    Path file = orders(null);
    assertThat(JsonLinesParts.split(file, 4, 1_000)).hasSize(4);

    RowEvaluator one = JsonLinesParts.check(file, "orders.jsonl", plan, NOW, 1, 1_000);
    RowEvaluator four = JsonLinesParts.check(file, "orders.jsonl", plan, NOW, 4, 1_000);

    assertThat(four.rows()).isEqualTo(one.rows()).isEqualTo(4_000);
    Map<String, RuleResult> whole = byId(one);
    Map<String, RuleResult> parts = byId(four);
    assertThat(parts.get("range(amount)")).isEqualTo(whole.get("range(amount)"));
    assertThat(parts.get("range(amount)").samples())
        .hasSize(5)
        .first()
        .asString()
        .startsWith("line 700: ");
    assertThat(parts.get("freshness(placedAt)")).isEqualTo(whole.get("freshness(placedAt)"));
    // the ids repeated 2,000 lines apart sit in different parts: still counted
    assertThat(whole.get("unique(orderId)").failing()).isEqualTo(2);
    assertThat(parts.get("unique(orderId)").failing()).isEqualTo(2);
    assertThat(parts.get("unique(orderId)").detail())
        .contains("2 of them repeat a value first seen in an earlier part");
  }

  @Test
  void shouldNameAMalformedLineInALaterPartByItsLineInTheWholeFile() throws Exception {
    Path file = orders("{\"orderId\": \"o-x\", \"amount\": ");

    for (int threads : new int[] {1, 4}) {
      assertThatThrownBy(
              () -> JsonLinesParts.check(file, "orders.jsonl", plan, NOW, threads, 1_000))
          .isInstanceOf(CheckException.class)
          .hasMessageStartingWith("orders.jsonl: line 3001: not valid JSON");
    }
  }
}
