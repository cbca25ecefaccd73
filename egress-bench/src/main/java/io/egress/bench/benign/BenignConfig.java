package io.egress.bench.benign;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What benign corpus to generate: {@code events} rows in total (over the four Defender tables), from
 * {@code seed}, on a fleet of {@code devices} devices, spread over the {@code days} days before {@code end}.
 * The same config always gives the same bytes.
 */
public record BenignConfig(long events, long seed, int devices, int days, Instant end) {
    /** The corpus ends at midnight UTC after Thursday 19 November 2026: three working days by default. */
    public static final Instant DEFAULT_END = Instant.parse("2026-11-20T00:00:00Z");
    public static final int DEFAULT_DAYS = 3;
    /** Bump when the generator's output changes, so a cached corpus is regenerated. */
    public static final int VERSION = 2;

    public BenignConfig {
        Objects.requireNonNull(end, "end");
        if (events < 1) {
            throw new IllegalArgumentException("--events must be >= 1");
        }
        if (devices < 40) {
            throw new IllegalArgumentException("--devices must be >= 40 (every role needs hosts)");
        }
        if (days < 1 || days > 30) {
            throw new IllegalArgumentException("--days must be between 1 and 30");
        }
    }

    public static BenignConfig of(long events, long seed, int devices) {
        return new BenignConfig(events, seed, devices, DEFAULT_DAYS, DEFAULT_END);
    }

    public Instant start() {
        return end.minus(Duration.ofDays(days));
    }

    /** A file-name-safe key naming every parameter. */
    public String key() {
        return String.format(Locale.ROOT, "benign-v%d-e%d-s%d-d%d-days%d-%d", VERSION, events, seed, devices, days,
                end.getEpochSecond());
    }
}
