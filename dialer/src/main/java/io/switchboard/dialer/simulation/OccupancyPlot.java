package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AbandonAccounting;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an SVG scatter of talk occupancy against the worst day's abandon rate, one panel per
 * scenario, one point per policy, with the 3 % limit and the ceiling drawn. Stateless.
 */
public final class OccupancyPlot {
  private static final int PANEL_W = 420;
  private static final int PANEL_H = 300;
  private static final int COLUMNS = 2;
  private static final double X_MAX = 0.08;
  private static final double Y_MIN = 0.30;
  private static final double Y_MAX = 0.90;

  private OccupancyPlot() {}

  /** Writes the plot (blocking file I/O: call it from a main thread, not an event loop). */
  public static void write(Path file, Map<Scenario, List<PolicySummary>> results)
      throws IOException {
    int rows = (results.size() + COLUMNS - 1) / COLUMNS;
    int width = PANEL_W * COLUMNS;
    int height = PANEL_H * rows + 40;
    StringBuilder svg = new StringBuilder();
    svg.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"10\">\n",
            width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        "<text x=\"10\" y=\"20\" font-size=\"13\">Talk occupancy vs worst-day abandon rate"
            + " (mean over seeded days; * = tuned on separate seeds)</text>\n");
    int i = 0;
    for (Map.Entry<Scenario, List<PolicySummary>> entry : results.entrySet()) {
      panel(
          svg,
          entry.getKey(),
          entry.getValue(),
          (i % COLUMNS) * PANEL_W,
          40 + (i / COLUMNS) * PANEL_H);
      i++;
    }
    svg.append("</svg>\n");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(svg.toString());
    }
  }

  private static void panel(
      StringBuilder svg, Scenario scenario, List<PolicySummary> rows, int ox, int oy) {
    int left = ox + 50;
    int top = oy + 20;
    int w = PANEL_W - 70;
    int h = PANEL_H - 60;
    svg.append(
        f(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
            left, top, w, h));
    boolean uk = scenario.accounting() == AbandonAccounting.UK;
    svg.append(
        f(
            "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\">%s (N=%d, p_h=%.2f%s)</text>\n",
            left,
            top - 5,
            scenario.id(),
            scenario.agents(),
            scenario.pHuman(),
            uk ? ", UK accounting" : ""));
    for (double x = 0; x <= X_MAX + 1e-9; x += 0.01) {
      int px = left + (int) (w * x / X_MAX);
      svg.append(
          f(
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.0f%%</text>\n",
              px, top + h + 12, 100 * x));
    }
    for (double y = Y_MIN; y <= Y_MAX + 1e-9; y += 0.1) {
      int py = top + h - (int) (h * (y - Y_MIN) / (Y_MAX - Y_MIN));
      svg.append(
          f(
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f%%</text>\n",
              left - 4, py + 3, 100 * y));
    }
    svg.append(
        f(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">worst-day abandon (%s)</text>\n",
            left + w / 2, top + h + 26, uk ? "UK" : "US"));
    int limit = left + (int) (w * 0.03 / X_MAX);
    svg.append(
        f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"red\" stroke-dasharray=\"4,3\"/>\n",
            limit, top, limit, top + h));
    int ceiling = top + h - (int) (h * (scenario.ceilingOccupancy() - Y_MIN) / (Y_MAX - Y_MIN));
    svg.append(
        f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"green\" stroke-dasharray=\"4,3\"/>\n",
            left, ceiling, left + w, ceiling));
    svg.append(
        f(
            "<text x=\"%d\" y=\"%d\" fill=\"green\">ceiling %.1f%%</text>\n",
            left + 4, ceiling - 3, 100 * scenario.ceilingOccupancy()));
    double open = ErlangB.talkOccupancy(scenario);
    int openY = top + h - (int) (h * (open - Y_MIN) / (Y_MAX - Y_MIN));
    svg.append(
        f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c564b\""
                + " stroke-dasharray=\"2,3\"/>\n",
            left, openY, left + w, openY));
    svg.append(
        f(
            "<text x=\"%d\" y=\"%d\" fill=\"#8c564b\">Erlang-B open loop %.1f%%</text>\n",
            left + w - 150, openY - 3, 100 * open));
    int labelRow = 0;
    for (PolicySummary row : rows) {
      double x = Math.min(uk ? row.abandonUkMax() : row.abandonUsMax(), X_MAX);
      int px = left + (int) (w * x / X_MAX);
      double y = Math.max(Y_MIN, Math.min(Y_MAX, row.talkOccupancy()));
      int py = top + h - (int) (h * (y - Y_MIN) / (Y_MAX - Y_MIN));
      String color = color(row.policy());
      svg.append(f("<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>\n", px, py, color));
      svg.append(
          f(
              "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"8\">%s</text>\n",
              px + 6, py + 3 + (labelRow % 2) * 8 - 4, color, escape(row.policy())));
      labelRow++;
    }
  }

  private static String color(String policy) {
    if (policy.startsWith(BenchmarkTable.REFERENCE_B)) {
      return "#000000";
    } else if (policy.startsWith("predictive (ours)")) {
      return "#d62728";
    } else if (policy.startsWith("vicidial")) {
      return "#ff7f0e";
    } else if (policy.startsWith("ratio")) {
      return "#1f77b4";
    } else if (policy.startsWith("issabel")) {
      return "#9467bd";
    }
    return "#555555";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
