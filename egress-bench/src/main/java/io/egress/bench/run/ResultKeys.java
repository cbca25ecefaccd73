package io.egress.bench.run;

import io.egress.data.ValueFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Turns a result row of the seed query into one comparable text key, whoever produced it: the
 * columns below joined by {@code " | "}, datetimes in Kusto's ISO form, null as empty.
 */
public final class ResultKeys {
    /** The union's columns that identify a detection. */
    public static final List<String> COLUMNS = List.of("Timestamp", "DeviceName", "ExfilMethod", "FileName",
            "ProcessCommandLine", "InitiatingProcessFileName", "RemoteIP", "RemotePort");

    private ResultKeys() {
    }

    /** One key from the values of {@link #COLUMNS}, in order. */
    public static String key(Object[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(" | ");
            }
            out.append(text(values[i]));
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof LocalDateTime local) {
            return ValueFormat.datetime(local.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ValueFormat.datetime(ts.toLocalDateTime().toInstant(ZoneOffset.UTC));
        }
        if (value instanceof Instant instant) {
            return ValueFormat.datetime(instant);
        }
        return ValueFormat.toKqlString(value);
    }
}
