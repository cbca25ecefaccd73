package io.egress.data.io;

import io.egress.data.Table;
import io.egress.data.ValueFormat;
import java.io.IOException;

/** Writes RFC 4180 CSV with a header row; values render as Kusto's {@code tostring()}. */
public final class CsvWriter implements TableWriter {
    @Override
    public void write(Table table, Appendable out) throws IOException {
        writeLine(table.schema().names().toArray(), out);
        for (Object[] row : table.rows()) {
            String[] cells = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                cells[i] = ValueFormat.toKqlString(row[i]);
            }
            writeLine(cells, out);
        }
    }

    private static void writeLine(Object[] cells, Appendable out) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(String.valueOf(cells[i])));
        }
        out.append("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
