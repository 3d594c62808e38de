package dev.schemagate.operator.promotion.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final NotificationTemplates templates = new NotificationTemplates();

  private static PromotionNotice notice(
      String event, List<PromotionNotice.Asset> assets, List<String> missing) {
    return new PromotionNotice(
        event,
        "orders",
        "orders-v3",
        "orders-value",
        3,
        "staging",
        "prod",
        "CRITICAL",
        "AwaitingApproval",
        assets,
        missing,
        "CRITICAL impact: a \"quoted\" reason\non two lines");
  }

  @Test
  void shouldRenderValidJsonWhateverTheValuesContain() throws Exception {
    var asset =
        new PromotionNotice.Asset(
            "dashboard:exec \"revenue\"", "dashboard", "fin\\ance", "CRITICAL", "a -[DIRECT]-> b");

    JsonNode slack =
        JSON.readTree(templates.slack(notice("blocked", List.of(asset), List.of("finance", "bi"))));
    JsonNode pd =
        JSON.readTree(
            templates.pagerDuty(notice("blocked", List.of(asset), List.of("finance")), "key-1"));

    assertThat(slack.get("text").asText())
        .startsWith(":no_entry: Promotion blocked: orders-value v3 staging → prod");
    assertThat(slack.toString())
        .contains("dashboard:exec \\\"revenue\\\"", "fin\\\\ance", "finance, bi");
    assertThat(pd.get("event_action").asText()).isEqualTo("trigger");
    assertThat(pd.at("/payload/severity").asText()).isEqualTo("critical");
    assertThat(pd.at("/payload/custom_details/message").asText())
        .isEqualTo("CRITICAL impact: a \"quoted\" reason\non two lines");
    assertThat(pd.at("/payload/custom_details/affected_assets/0/owner").asText())
        .isEqualTo("fin\\ance");
    assertThat(pd.at("/payload/custom_details/missing_approvals/0").asText()).isEqualTo("finance");
  }

  @Test
  void shouldResolveTheIncidentWhenApprovedAndOmitEmptySections() throws Exception {
    JsonNode pd =
        JSON.readTree(templates.pagerDuty(notice("approved", List.of(), List.of()), "key-1"));
    JsonNode slack = JSON.readTree(templates.slack(notice("failed", List.of(), List.of())));

    assertThat(pd.get("event_action").asText()).isEqualTo("resolve");
    assertThat(pd.get("dedup_key").asText()).isEqualTo("schemagate/promotion/orders/orders-v3");
    assertThat(slack.get("blocks")).hasSize(2);
    assertThat(slack.get("text").asText()).startsWith(":x: Promotion failed");
  }

  @Test
  void shouldRenderDriftNoticesAsValidJsonThatTriggerAndResolveOneIncident() throws Exception {
    DriftNotice breached =
        new DriftNotice(
            "breached",
            "shop",
            "orders",
            "pay\"ments",
            "orders-topic",
            12000,
            "2026-12-01T10:00:00Z",
            List.of(
                "amount: psi 0.4100 > 0.2000", "customer.country: new_category 0.0300 > 0.0200"));
    DriftNotice recovered =
        new DriftNotice(
            "recovered", "shop", "orders", "payments", "orders-topic", 15000, "later", List.of());

    JsonNode slack = JSON.readTree(templates.slack(breached));
    JsonNode trigger = JSON.readTree(templates.pagerDuty(breached, "key-1"));
    JsonNode resolve = JSON.readTree(templates.pagerDuty(recovered, "key-1"));
    JsonNode calm = JSON.readTree(templates.slack(recovered));

    assertThat(slack.get("text").asText())
        .isEqualTo(":chart_with_downwards_trend: Data drift: shop/orders on orders-topic");
    assertThat(slack.at("/blocks/2/text/text").asText())
        .contains("`amount: psi 0.4100 > 0.2000`", "`customer.country: new_category");
    assertThat(slack.toString()).contains("pay\\\"ments");
    assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
    assertThat(trigger.at("/payload/custom_details/breaches/1").asText())
        .startsWith("customer.country");
    assertThat(trigger.at("/payload/custom_details/records").asLong()).isEqualTo(12000);
    assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.get("dedup_key").asText())
        .isEqualTo(trigger.get("dedup_key").asText())
        .isEqualTo("schemagate/drift/shop/orders");
    assertThat(calm.get("blocks")).hasSize(2);
    assertThat(calm.get("text").asText()).startsWith(":white_check_mark: Data drift recovered");
  }
}
