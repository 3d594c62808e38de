package dev.schemagate.chaos.report;

import dev.schemagate.chaos.experiment.ExperimentResult;
import dev.schemagate.chaos.run.Timeline;
import java.util.List;
import java.util.Locale;

/**
 * A plain SVG line chart of one experiment: throughput, consumer lag and DLQ rate in three panels
 * over a shared time axis, with the fault and each runbook stage drawn as vertical marks. Hand-made
 * because it is ~150 lines and no charting library on Maven Central writes SVG without AWT.
 */
public final class SvgChart {
  private static final int WIDTH = 960;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 80;
  private static final int PANEL = 130;
  private static final int GAP = 34;

  private record Series(String key, String label, String color) {}

  private record Panel(String title, List<Series> series) {}

  private static final List<Panel> PANELS =
      List.of(
          new Panel(
              "throughput (records/s)",
              List.of(
                  new Series("produced_rate", "produced", "#1f77b4"),
                  new Series("consumed_rate", "consumed", "#2ca02c"))),
          new Panel(
              "consumer lag (records)", List.of(new Series("consumer_lag", "lag", "#9467bd"))),
          new Panel(
              "dead-letter rate (records/s)",
              List.of(new Series("dead_lettered_rate", "dead-lettered", "#d62728"))));

  private SvgChart() {}

  public static String render(ExperimentResult result) {
    var samples = result.timeline().samples();
    double end = samples.isEmpty() ? 1 : Math.max(1, samples.getLast().atMs() / 1000.0);
    int height = TOP + PANELS.size() * (PANEL + GAP) + 20;
    var svg = new StringBuilder();
    svg.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n"
            .formatted(WIDTH, height, WIDTH, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        "<text x=\"%d\" y=\"18\" font-size=\"15\" font-weight=\"bold\">%s</text>\n"
            .formatted(LEFT, escape(result.name())));
    int plotWidth = WIDTH - LEFT - RIGHT;
    for (int p = 0; p < PANELS.size(); p++) {
      Panel panel = PANELS.get(p);
      int y0 = TOP + p * (PANEL + GAP);
      double max = 1;
      for (var sample : samples) {
        for (Series s : panel.series()) {
          Double v = sample.values().get(s.key());
          if (v != null && !v.isNaN()) {
            max = Math.max(max, v);
          }
        }
      }
      double step = niceCeiling(max / 4);
      max = step * Math.ceil(max / step);
      int ticks = (int) Math.round(max / step);
      svg.append(
          "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n"
              .formatted(LEFT, y0 - 6, escape(panel.title())));
      svg.append(
          "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n"
              .formatted(LEFT, y0, plotWidth, PANEL));
      for (int t = 0; t <= ticks; t++) {
        double value = step * t;
        double y = y0 + PANEL - PANEL * t / (double) ticks;
        svg.append(
            "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>\n"
                .formatted(LEFT, LEFT + plotWidth, y, y, LEFT - 6, y + 4, label(value)));
      }
      int legendX = LEFT + plotWidth - 10;
      for (int i = panel.series().size() - 1; i >= 0; i--) {
        Series s = panel.series().get(i);
        svg.append(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">— %s</text>\n"
                .formatted(legendX, y0 + 16, s.color(), escape(s.label())));
        legendX -= 30 + 7 * s.label().length();
      }
      for (Series s : panel.series()) {
        var points = new StringBuilder();
        for (var sample : samples) {
          Double v = sample.values().get(s.key());
          if (v == null || v.isNaN()) {
            continue;
          }
          double x = LEFT + plotWidth * (sample.atMs() / 1000.0) / end;
          double y = y0 + PANEL - PANEL * Math.min(v, max) / max;
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        if (!points.isEmpty()) {
          svg.append(
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>\n"
                  .formatted(s.color(), points.toString().strip()));
        }
      }
    }
    int bottom = TOP + PANELS.size() * (PANEL + GAP) - GAP;
    double timeStep = niceCeiling(end / 10);
    for (double t = 0; t <= end + 1e-9; t += timeStep) {
      double x = LEFT + plotWidth * t / end;
      svg.append(
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s s</text>\n"
              .formatted(x, bottom + 16, label(t)));
    }
    result
        .timeline()
        .first("fault")
        .ifPresent(
            fault ->
                mark(svg, fault.atMs() / 1000.0, end, plotWidth, bottom, "fault", "#d62728", 0));
    int row = 1;
    for (Timeline.StageMark stage : result.timeline().stages()) {
      mark(
          svg, stage.atMs() / 1000.0, end, plotWidth, bottom, stage.stage().label(), "#444", row++);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void mark(
      StringBuilder svg,
      double at,
      double end,
      int plotWidth,
      int bottom,
      String text,
      String color,
      int row) {
    double x = LEFT + plotWidth * at / end;
    svg.append(
        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>\n"
            .formatted(x, x, 30 + (row % 3) * 12, bottom, color));
    // Near the right edge the label goes to the left of its line, so it is not cut off.
    boolean left = x > WIDTH - RIGHT - 80;
    svg.append(
        "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" font-size=\"11\" text-anchor=\"%s\">%s</text>\n"
            .formatted(
                left ? x - 3 : x + 3,
                38 + (row % 3) * 12,
                color,
                left ? "end" : "start",
                escape(text)));
  }

  private static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (value <= step * magnitude) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double value) {
    return value >= 100 || value == Math.rint(value)
        ? Long.toString(Math.round(value))
        : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
