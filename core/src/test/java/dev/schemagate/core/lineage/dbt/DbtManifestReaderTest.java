package dev.schemagate.core.lineage.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reader on the shapes dbt writes (trimmed to what lineage reads; the CLI's tests use a whole
 * manifest written by real dbt).
 */
class DbtManifestReaderTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String MANIFEST =
      """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
                    "project_name": "shop", "invocation_id": "abc", "generated_at": "2026-12-01T10:00:00.123456Z"},
       "nodes": {
         "model.shop.stg_orders": {"unique_id": "model.shop.stg_orders", "resource_type": "model",
           "name": "stg_orders", "database": "wh", "schema": "analytics", "alias": "stg_orders",
           "columns": {"order_id": {"name": "order_id", "data_type": "text"}},
           "config": {"contract": {"enforced": true}, "meta": {"owner": "checkout"}},
           "depends_on": {"nodes": ["source.shop.raw.orders"]}},
         "test.shop.not_null_x": {"unique_id": "test.shop.not_null_x", "resource_type": "test", "name": "t"}},
       "sources": {
         "source.shop.raw.orders": {"unique_id": "source.shop.raw.orders", "resource_type": "source",
           "name": "orders", "database": "wh", "schema": "raw", "identifier": "orders", "columns": {}}},
       "exposures": {}}
      """;

  @Test
  void shouldCompleteDocumentedColumnsWithTheCatalogs() throws Exception {
    JsonNode catalog =
        JSON.readTree(
            """
            {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json"},
             "nodes": {"model.shop.stg_orders": {"columns": {
               "ORDER_ID": {"name": "ORDER_ID", "type": "TEXT"}, "AMOUNT": {"name": "AMOUNT", "type": "NUMERIC"}}}},
             "sources": {"source.shop.raw.orders": {"columns": {"amount": {"name": "amount", "type": "numeric"}}}}}
            """);

    DbtProject project = DbtManifestReader.read(JSON.readTree(MANIFEST), Optional.of(catalog));

    assertThat(project.relations()).hasSize(2);
    DbtProject.Relation model = project.relations().getFirst();
    assertThat(model.dataset()).isEqualTo("wh.analytics.stg_orders");
    assertThat(model.contractEnforced()).isTrue();
    assertThat(model.owner()).contains("checkout");
    assertThat(model.columns())
        .containsExactly(
            new DbtProject.Column("order_id", Optional.of("text")),
            new DbtProject.Column("AMOUNT", Optional.of("NUMERIC")));
    assertThat(project.relations().get(1).columns())
        .containsExactly(new DbtProject.Column("amount", Optional.of("numeric")));
  }

  @Test
  void shouldLinkSameNamedColumnsInTheEvents() throws Exception {
    JsonNode manifest =
        JSON.readTree(
            MANIFEST.replace(
                "\"columns\": {}}", "\"columns\": {\"order_id\": {\"name\": \"ORDER_ID\"}}}"));

    var events = DbtLineageEvents.events(DbtManifestReader.read(manifest, Optional.empty()), "pg");

    assertThat(events).hasSize(1);
    assertThat(events.getFirst().at("/eventTime").asText())
        .isEqualTo("2026-12-01T10:00:00.123456Z");
    assertThat(
            events
                .getFirst()
                .at("/outputs/0/facets/columnLineage/fields/order_id/inputFields/0/field")
                .asText())
        .isEqualTo("ORDER_ID");
  }

  @Test
  void shouldRefuseWhatIsNotAManifest() throws Exception {
    assertThatThrownBy(
            () ->
                DbtManifestReader.read(
                    JSON.readTree("{\"metadata\": {\"dbt_schema_version\": \"x/run-results/v5\"}}"),
                    Optional.empty()))
        .isInstanceOf(DbtManifestException.class)
        .hasMessage("not a dbt manifest: metadata.dbt_schema_version is 'x/run-results/v5'");
    assertThatThrownBy(
            () ->
                DbtManifestReader.read(
                    JSON.readTree(MANIFEST), Optional.of(JSON.readTree(MANIFEST))))
        .hasMessageStartingWith("not a dbt catalog");
  }
}
