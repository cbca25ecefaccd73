package io.egress.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How ingest splits a table's rows into segments by the UTC time of their time column. */
public enum Partitioning {
    HOUR(DateTimeFormatter.ofPattern("yyyyMMdd'T'HH'Z'").withZone(ZoneOffset.UTC)),
    DAY(DateTimeFormatter.ofPattern("yyyyMMdd'Z'").withZone(ZoneOffset.UTC));

    /** The partition of rows without a time. */
    public static final String NO_TIME = "notime";

    private final DateTimeFormatter format;

    Partitioning(DateTimeFormatter format) {
        this.format = format;
    }

    /** The partition key, which starts a segment's file name, so names sort by time. */
    public String key(Instant time) {
        return time == null ? NO_TIME : format.format(time);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Partitioning> fromLabel(String text) {
        for (Partitioning p : values()) {
            if (p.label().equalsIgnoreCase(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
