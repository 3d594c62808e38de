package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** A {@link CheckReport} as Markdown (people, PR comments), JSON (machines) or JUnit XML (CI). */
public final class ReportWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public enum Format {
    MARKDOWN,
    JSON,
    JUNIT
  }

  private ReportWriter() {}

  public static String write(CheckReport report, Format format) {
    return switch (format) {
      case MARKDOWN -> markdown(report);
      case JSON -> json(report).toPrettyString() + "\n";
      case JUNIT -> junit(report);
    };
  }

  static String markdown(CheckReport r) {
    StringBuilder out = new StringBuilder();
    out.append("## Checkpoint ")
        .append(r.verdict())
        .append(": contract `")
        .append(r.contract())
        .append("` on `")
        .append(r.source())
        .append("`\n\n");
    out.append(r.rows())
        .append(" rows checked in ")
        .append(r.took().toMillis())
        .append(" ms at ")
        .append(r.at())
        .append("; ")
        .append(r.failedRules())
        .append(" of ")
        .append(r.results().size())
        .append(" rules failed.\n\n");
    out.append(
        "| rule | severity | result | failing | detail |\n| --- | --- | --- | ---: | --- |\n");
    for (RuleResult result : r.results()) {
      out.append("| `")
          .append(cell(result.check().id()))
          .append("` | ")
          .append(result.check().severity().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(result.status() == RuleResult.Status.FAILED ? "**FAILED**" : result.status())
          .append(" | ")
          .append(result.failing())
          .append(" | ")
          .append(cell(result.detail()))
          .append(" |\n");
    }
    for (RuleResult result : r.results()) {
      if (!result.samples().isEmpty()) {
        out.append("\n<details><summary>Sample rows failing <code>")
            .append(escapeXml(result.check().id()))
            .append("</code></summary>\n\n```\n");
        result.samples().forEach(s -> out.append(s).append('\n'));
        out.append("```\n</details>\n");
      }
    }
    return out.toString();
  }

  static ObjectNode json(CheckReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("contract", r.contract());
    root.put("source", r.source());
    root.put("verdict", r.verdict().name());
    root.put("at", r.at().toString());
    root.put("tookMillis", r.took().toMillis());
    root.put("rows", r.rows());
    ArrayNode rules = root.putArray("rules");
    for (RuleResult result : r.results()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", result.check().id());
      rule.put("rule", result.check().kind().wireName());
      result.check().field().ifPresent(f -> rule.put("field", f));
      rule.put("severity", result.check().severity().name());
      rule.put("status", result.status().name());
      rule.put("failing", result.failing());
      rule.put("detail", result.detail());
      ArrayNode samples = rule.putArray("samples");
      result.samples().forEach(samples::add);
    }
    return root;
  }

  /** A registry answer's JSON; an empty object when it is not JSON. */
  static com.fasterxml.jackson.databind.JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  static String junit(CheckReport r) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long failures = r.results().stream().filter(RuleResult::blocking).count();
    long skipped =
        r.results().stream().filter(x -> x.status() == RuleResult.Status.SKIPPED).count();
    String suite = "schemagate.check." + r.contract();
    out.append("<testsuite name=\"")
        .append(escapeXml(suite))
        .append("\" tests=\"")
        .append(r.results().size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"")
        .append(skipped)
        .append("\" time=\"")
        .append(seconds(r.took().toMillis()))
        .append("\" timestamp=\"")
        .append(r.at())
        .append("\">\n");
    out.append("  <properties><property name=\"source\" value=\"")
        .append(escapeXml(r.source()))
        .append("\"/><property name=\"rows\" value=\"")
        .append(r.rows())
        .append("\"/></properties>\n");
    for (RuleResult result : r.results()) {
      out.append("  <testcase classname=\"")
          .append(escapeXml(suite))
          .append("\" name=\"")
          .append(escapeXml(result.check().id()))
          .append("\"");
      String body =
          result.detail()
              + (result.samples().isEmpty() ? "" : "\n" + String.join("\n", result.samples()));
      if (result.blocking()) {
        out.append(">\n    <failure message=\"")
            .append(escapeXml(result.detail()))
            .append("\" type=\"")
            .append(result.check().kind().wireName())
            .append("\">")
            .append(escapeXml(body))
            .append("</failure>\n  </testcase>\n");
      } else if (result.status() == RuleResult.Status.FAILED) {
        // a warning: the build passes, the CI still shows what broke
        out.append(">\n    <system-out>WARN ")
            .append(escapeXml(body))
            .append("</system-out>\n  </testcase>\n");
      } else if (result.status() == RuleResult.Status.SKIPPED) {
        out.append(">\n    <skipped message=\"")
            .append(escapeXml(result.detail()))
            .append("\"/>\n  </testcase>\n");
      } else {
        out.append("/>\n");
      }
    }
    return out.append("</testsuite>\n").toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /**
   * Text fit for an XML 1.0 attribute or element: markup escaped, and every character XML 1.0
   * forbids (control characters, U+FFFE/U+FFFF, a surrogate without its pair, which invalid or
   * hostile data carries) replaced by U+FFFD, so a CI's parser never rejects the whole report.
   */
  static String escapeXml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i)); // a pair: a character beyond U+FFFF
          } else if (c < 0x20 && c != '\n' && c != '\t' && c != '\r'
              || Character.isSurrogate(c)
              || c == '\uFFFE'
              || c == '\uFFFF') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
