package dev.schemagate.operator.promotion.notify;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Slack and PagerDuty bodies (promotions and data drift), rendered from Mustache templates kept
 * as resources next to this class, with every value escaped for a JSON string (so an owner named
 * {@code "x\"}} cannot break the payload).
 */
public final class NotificationTemplates {
  private static final Mustache.Compiler COMPILER =
      Mustache.compiler()
          .withEscaper(
              Escapers.simple(
                  new String[][] {
                    {"\\", "\\\\"},
                    {"\"", "\\\""},
                    {"\n", "\\n"},
                    {"\r", "\\r"},
                    {"\t", "\\t"},
                    {"\b", "\\b"},
                    {"\f", "\\f"}
                  }))
          .defaultValue("")
          .zeroIsFalse(true);

  private final Template slack = load("slack.json.mustache");
  private final Template pagerDuty = load("pagerduty.json.mustache");
  private final Template driftSlack = load("drift-slack.json.mustache");
  private final Template driftPagerDuty = load("drift-pagerduty.json.mustache");

  public String slack(PromotionNotice notice) {
    return slack.execute(notice);
  }

  public String pagerDuty(PromotionNotice notice, String routingKey) {
    return withRoutingKey(pagerDuty, notice, routingKey);
  }

  public String slack(DriftNotice notice) {
    return driftSlack.execute(notice);
  }

  public String pagerDuty(DriftNotice notice, String routingKey) {
    return withRoutingKey(driftPagerDuty, notice, routingKey);
  }

  private static String withRoutingKey(Template template, Object notice, String routingKey) {
    java.io.StringWriter out = new java.io.StringWriter();
    // the notice first, the routing key from the parent context
    template.execute(notice, Map.of("routingKey", routingKey), out);
    return out.toString();
  }

  private static Template load(String name) {
    try (InputStream in = NotificationTemplates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + name);
      }
      return COMPILER.compile(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
