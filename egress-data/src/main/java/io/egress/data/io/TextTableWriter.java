package io.egress.data.io;

import io.egress.data.Table;
import io.egress.data.ValueFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an aligned plain-text table (no colour) that fits {@code width} columns: when the natural
 * widths do not fit, the widest columns are narrowed and long cells end with {@code …}.
 */
public final class TextTableWriter implements TableWriter {
    private static final int MIN_CELL = 6;
    private static final String GAP = "  ";
    private final int width;

    public TextTableWriter(int width) {
        this.width = width <= 0 ? Integer.MAX_VALUE : width;
    }

    @Override
    public void write(Table table, Appendable out) throws IOException {
        int n = table.schema().size();
        List<String[]> cells = new ArrayList<>();
        String[] header = table.schema().names().toArray(String[]::new);
        for (Object[] row : table.rows()) {
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                r[i] = oneLine(ValueFormat.toKqlString(row[i]));
            }
            cells.add(r);
        }
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = header[i].length();
            for (String[] r : cells) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        fit(widths);
        line(header, widths, out);
        String[] rule = new String[n];
        for (int i = 0; i < n; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        line(rule, widths, out);
        for (String[] r : cells) {
            line(r, widths, out);
        }
        out.append("(").append(String.valueOf(cells.size())).append(cells.size() == 1 ? " row)" : " rows)").append('\n');
    }

    private void fit(int[] widths) {
        while (total(widths) > width) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= MIN_CELL) {
                return;
            }
            int excess = total(widths) - width;
            widths[widest] = Math.max(MIN_CELL, Math.max(widths[widest] - excess, secondWidest(widths, widest)));
            if (widths[widest] == secondWidest(widths, widest) && total(widths) > width) {
                widths[widest]--;
            }
        }
    }

    private static int secondWidest(int[] widths, int except) {
        int max = 0;
        for (int i = 0; i < widths.length; i++) {
            if (i != except) {
                max = Math.max(max, widths[i]);
            }
        }
        return max;
    }

    private static int total(int[] widths) {
        int sum = 0;
        for (int w : widths) {
            sum += w;
        }
        return sum + GAP.length() * Math.max(0, widths.length - 1);
    }

    private static void line(String[] values, int[] widths, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(GAP);
            }
            String v = values[i];
            if (v.length() > widths[i]) {
                v = v.substring(0, Math.max(0, widths[i] - 1)) + "…";
            }
            sb.append(v);
            if (i < values.length - 1) {
                sb.append(" ".repeat(widths[i] - v.length()));
            }
        }
        out.append(sb.toString().stripTrailing()).append('\n');
    }

    private static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0
                ? s : s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
