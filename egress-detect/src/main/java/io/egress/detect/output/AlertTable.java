package io.egress.detect.output;

import io.egress.data.ValueFormat;
import io.egress.detect.alert.Alert;
import io.egress.detect.alert.MatchedPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Alerts as a terminal table: one header line, then per alert a summary line (time, severity, branch,
 * custom details, host, account, process, count) and an indented evidence line (the command line, or
 * the remote address for network rows) with the matched patterns highlighted, and a "why:" line with
 * the alert's explanation when the rule gives one. Every line fits
 * {@code width} columns; long cells end in an ellipsis.
 */
public final class AlertTable {
    private static final String[] HEADERS = {"TIME (UTC)", "SEV", "BRANCH", "DETAILS", "HOST", "ACCOUNT", "PROCESS", "N"};
    private static final int[] MAX = {19, 6, 22, 16, 24, 18, 20, 5};

    private AlertTable() {
    }

    public static List<String> render(List<Alert> alerts, int width, Style style) {
        List<String[]> cells = new ArrayList<>();
        for (Alert a : alerts) {
            cells.add(new String[] {
                    a.time() == null ? "" : ValueFormat.datetime(a.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).replace('T', ' ').replace("Z", ""),
                    a.severity().display(),
                    a.branch() == null ? a.ruleName() : a.branch(),
                    String.join(",", a.customDetails().values().stream().map(ValueFormat::toKqlString).toList()),
                    orEmpty(a.entities().host()),
                    orEmpty(a.entities().account()),
                    orEmpty(a.entities().process()),
                    String.valueOf(a.count())});
        }
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : cells) {
                widths[c] = Math.max(widths[c], Math.min(MAX[c], row[c].length()));
            }
        }
        shrinkToFit(widths, width);
        List<String> out = new ArrayList<>();
        out.add(style.bold(line(HEADERS, widths)));
        for (int i = 0; i < alerts.size(); i++) {
            out.add(line(cells.get(i), widths));
            out.add(evidence(alerts.get(i), width, style));
            if (!alerts.get(i).explanation().isBlank()) {
                out.add(style.dim(fit("    why: " + alerts.get(i).explanation().replace('\n', ' '), width)));
            }
        }
        return out;
    }

    /** The command line (highlighted) or, for rows without one, remote address and URL. */
    static String evidence(Alert a, int width, Style style) {
        String indent = "    ";
        int room = Math.max(10, width - indent.length());
        String text = a.entities().commandLine();
        if (text == null || text.isEmpty()) {
            Map<String, Object> e = a.entities().toMap();
            String remote = e.containsKey("remoteIp") ? "-> " + e.get("remoteIp") + (e.containsKey("remotePort") ? ":" + e.get("remotePort") : "") : "";
            String url = e.containsKey("url") ? " " + e.get("url") : "";
            return indent + style.dim(fit(remote + url, room));
        }
        text = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        boolean cut = text.length() > room;
        String visible = cut ? text.substring(0, room - 1) : text;
        List<int[]> ranges = new ArrayList<>();
        for (MatchedPattern m : a.matched()) {
            boolean onCommandLine = m.field().equals("ProcessCommandLine") || m.field().equals("InitiatingProcessCommandLine")
                    || m.field().equals("CommandLine");
            if (onCommandLine && text.regionMatches(m.start(), m.text(), 0, m.text().length()) && m.start() < visible.length()) {
                ranges.add(new int[] {m.start(), Math.min(m.end(), visible.length())});
            }
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder out = new StringBuilder(indent);
        int at = 0;
        for (int[] r : ranges) {
            int start = Math.max(r[0], at);
            if (start >= r[1]) {
                continue;
            }
            out.append(visible, at, start).append(style.highlight(visible.substring(start, r[1])));
            at = r[1];
        }
        out.append(visible.substring(at));
        if (cut) {
            out.append('…');
        }
        return out.toString();
    }

    private static void shrinkToFit(int[] widths, int width) {
        int total = 2 * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        // Give up space from the widest text columns first (branch, details, host, account, process).
        int[] order = {4, 6, 5, 2, 3};
        while (total > width) {
            int widest = -1;
            for (int c : order) {
                if (widths[c] > 4 && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            total--;
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String cell = fit(cells[c], widths[c]);
            out.append(cell);
            if (c < cells.length - 1) {
                out.append(" ".repeat(widths[c] - cell.length() + 2));
            }
        }
        return out.toString().stripTrailing();
    }

    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
