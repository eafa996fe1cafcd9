package io.ieum.cli.drill;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ieum.cli.Messages;

/**
 * The drill's report as one self-contained HTML page: the checks, the counts, time to resume per
 * client, errors by kind, and an inline SVG timeline of acknowledgements per second and ack latency
 * with the fault and the recovery marked. Text comes from the CLI bundles (English, Korean).
 */
final class HtmlReport {

    private static final int WIDTH = 960;
    private static final int PANEL = 180;
    private static final int LEFT = 60;

    private HtmlReport() {}

    static String render(DrillSummary s) {
        StringBuilder h = new StringBuilder();
        String title = Messages.get("drill.report.title." + s.kind().toLowerCase(Locale.ROOT), s.site());
        h.append("<!doctype html><html lang=\"").append(Locale.getDefault().getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.pass{color:#060}.fail{color:#b00;font-weight:bold}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p class=\"").append(s.passed() ? "pass" : "fail").append("\">")
                .append(esc(Messages.get(s.passed() ? "drill.report.passed" : "drill.report.failed"))).append("</p>");
        h.append("<h2>").append(esc(Messages.get("drill.report.checks"))).append("</h2><table>");
        for (DrillSummary.Check c : s.checks()) {
            h.append("<tr><td class=\"").append(c.passed() ? "pass" : "fail").append("\">").append(c.passed() ? "✔" : "✘")
                    .append("</td><td>").append(esc(c.name())).append("</td><td>").append(esc(c.detail())).append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2>").append(esc(Messages.get("drill.report.timeline"))).append("</h2>").append(svg(s.timeline(), s.events()));
        h.append("<h2>").append(esc(Messages.get("drill.report.counts"))).append("</h2><table>");
        row(h, Messages.get("drill.report.setup"), Messages.get("drill.report.setupValue", s.clients(), s.rooms(),
                fmt(s.sendsPerSecondPerClient()), Long.toString(s.seed())));
        row(h, Messages.get("drill.report.sent"), Integer.toString(s.sent()));
        row(h, Messages.get("drill.report.acknowledged"), Integer.toString(s.acknowledged()));
        row(h, Messages.get("drill.report.lost"), Integer.toString(s.verdict().lost()));
        row(h, Messages.get("drill.report.duplicated"), Integer.toString(s.verdict().duplicated()));
        row(h, Messages.get("drill.report.order"), Integer.toString(s.verdict().orderMismatches()));
        row(h, Messages.get("drill.report.notDelivered"), Integer.toString(s.verdict().notDelivered()));
        row(h, Messages.get("drill.report.storedWithoutAck"), Integer.toString(s.verdict().storedWithoutAck()));
        row(h, Messages.get("drill.report.ackLatency"), s.ackLatency().p50() + " / " + s.ackLatency().p99() + " / "
                + s.ackLatency().max() + " ms");
        row(h, Messages.get("drill.report.ackLatencyBeforeFault"), s.ackLatencyBeforeFault().p50() + " / "
                + s.ackLatencyBeforeFault().p99() + " / " + s.ackLatencyBeforeFault().max() + " ms");
        row(h, Messages.get("drill.report.resume"), s.resume().p50() + " / " + s.resume().p99() + " / "
                + millis(s.resume().max()));
        row(h, Messages.get("drill.report.reconnects"), Long.toString(s.reconnects()));
        if (s.cutOffSideWasTold() != null) {
            row(h, Messages.get("drill.report.told"), s.cutOffSideWasTold());
        }
        h.append("</table>");
        h.append("<h2>").append(esc(Messages.get("drill.report.errors"))).append("</h2><table>");
        if (s.errors().isEmpty()) {
            row(h, "-", "0");
        }
        s.errors().forEach((kind, n) -> row(h, kind, Integer.toString(n)));
        h.append("</table>");
        h.append("<h2>").append(esc(Messages.get("drill.report.perClient"))).append("</h2><table><tr><th>")
                .append(esc(Messages.get("drill.report.client"))).append("</th><th>")
                .append(esc(Messages.get("drill.report.resumeMs"))).append("</th></tr>");
        for (Map.Entry<Integer, Long> e : s.resume().perClient().entrySet()) {
            h.append("<tr><td>c").append(e.getKey()).append("</td><td>").append(millis(e.getValue())).append("</td></tr>");
        }
        h.append("</table>");
        failovers(h, s.failovers());
        h.append("<h2>").append(esc(Messages.get("drill.report.events"))).append("</h2><table>");
        for (DrillEvent e : s.events()) {
            row(h, String.format(Locale.ROOT, "%.1f s", e.at() / 1000.0), e.label());
        }
        h.append("</table><p>").append(esc(Messages.get("drill.report.definitions"))).append("</p></body></html>\n");
        return h.toString();
    }

    /** Per stricken client, its connection's steps after the fault: which step took the seconds. */
    private static void failovers(StringBuilder h, List<DrillSummary.Failover> failovers) {
        if (failovers.isEmpty()) {
            return;
        }
        h.append("<h2>").append(esc(Messages.get("drill.failover.title"))).append("</h2><p>")
                .append(esc(Messages.get("drill.failover.intro"))).append("</p>");
        for (DrillSummary.Failover f : failovers) {
            h.append("<h3>c").append(f.client()).append(" — ").append(millis(f.resumeMillis())).append("</h3><p>")
                    .append(esc(FailoverText.worst(f))).append("</p><table><tr><th>")
                    .append(esc(Messages.get("drill.report.after"))).append("</th><th>")
                    .append(esc(Messages.get("drill.report.step"))).append("</th></tr>");
            if (f.steps().isEmpty()) {
                row(h, "-", Messages.get("drill.failover.none"));
            }
            f.steps().forEach(step -> h.append("<tr><td>").append(esc(FailoverText.offset(step, f.faultAt())))
                    .append("</td><td>").append(esc(FailoverText.describe(step))).append("</td></tr>"));
            h.append("</table>");
        }
    }

    /** Two panels sharing the time axis: acks per second on top, ack latency (p99, max) below. */
    static String svg(List<TimelineBucket> buckets, List<DrillEvent> events) {
        int n = Math.max(1, buckets.size());
        double dx = (WIDTH - LEFT - 10) / (double) n;
        int maxAcks = Math.max(1, buckets.stream().mapToInt(TimelineBucket::acks).max().orElse(1));
        long maxLatency = Math.max(1, buckets.stream().mapToLong(TimelineBucket::maxMillis).max().orElse(1));
        int height = 2 * PANEL + 60;
        StringBuilder g = new StringBuilder();
        g.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-size=\"11\" role=\"img\">");
        g.append(axis(10, Messages.get("drill.chart.acks"), maxAcks + "/s"));
        g.append(axis(PANEL + 40, Messages.get("drill.chart.latency"), maxLatency + " ms"));
        StringBuilder acks = new StringBuilder();
        StringBuilder p99 = new StringBuilder();
        StringBuilder max = new StringBuilder();
        for (TimelineBucket b : buckets) {
            double x = LEFT + b.second() * dx + dx / 2;
            acks.append(fmt(x)).append(',').append(fmt(10 + PANEL - PANEL * (double) b.acks() / maxAcks)).append(' ');
            p99.append(fmt(x)).append(',').append(fmt(PANEL + 40 + PANEL - PANEL * (double) b.p99Millis() / maxLatency)).append(' ');
            max.append(fmt(x)).append(',').append(fmt(PANEL + 40 + PANEL - PANEL * (double) b.maxMillis() / maxLatency)).append(' ');
            if (b.unacknowledged() > 0) {
                g.append("<rect x=\"").append(fmt(x - dx / 2)).append("\" y=\"").append(PANEL + 40).append("\" width=\"")
                        .append(fmt(dx)).append("\" height=\"").append(PANEL).append("\" fill=\"#fdd\"/>");
            }
        }
        g.append("<polyline fill=\"none\" stroke=\"#06c\" stroke-width=\"1.5\" points=\"").append(acks).append("\"/>");
        g.append("<polyline fill=\"none\" stroke=\"#999\" stroke-width=\"1\" points=\"").append(max).append("\"/>");
        g.append("<polyline fill=\"none\" stroke=\"#c60\" stroke-width=\"1.5\" points=\"").append(p99).append("\"/>");
        for (DrillEvent e : events) {
            double x = LEFT + e.at() / 1000.0 * dx;
            g.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"10\" y2=\"")
                    .append(2 * PANEL + 40).append("\" stroke=\"#b00\" stroke-dasharray=\"4 3\"/>")
                    .append("<text x=\"").append(fmt(x + 3)).append("\" y=\"").append(22 + 12 * (events.indexOf(e) % 4))
                    .append("\" fill=\"#b00\">").append(esc(e.label())).append("</text>");
        }
        g.append("<text x=\"").append(LEFT).append("\" y=\"").append(height - 4).append("\">")
                .append(esc(Messages.get("drill.chart.legend", n))).append("</text></svg>");
        return g.toString();
    }

    private static String axis(int top, String label, String maxLabel) {
        return "<rect x=\"" + LEFT + "\" y=\"" + top + "\" width=\"" + (WIDTH - LEFT - 10) + "\" height=\"" + PANEL
                + "\" fill=\"none\" stroke=\"#ccc\"/><text x=\"2\" y=\"" + (top + 10) + "\">" + esc(maxLabel)
                + "</text><text x=\"2\" y=\"" + (top + PANEL / 2) + "\">" + esc(label) + "</text>";
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String millis(long value) {
        return value == ResumeTimes.NEVER ? "∞" : value + " ms";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
