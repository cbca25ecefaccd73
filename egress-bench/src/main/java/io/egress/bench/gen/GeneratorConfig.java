package io.egress.bench.gen;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What to generate: {@code rows} rows for each of DeviceProcessEvents and DeviceNetworkEvents, from
 * {@code seed}, a share of exfiltration-like rows and of near misses, a fleet of {@code devices}
 * devices, {@code users} users and {@code processes} long-lived parent processes, with timestamps
 * spread evenly over the {@code span} before {@code now}.
 */
public record GeneratorConfig(long rows, long seed, double exfilShare, double nearMissShare, int devices, int users,
                              int processes, Instant now, Duration span) {
    /** The fixed clock of generated data, so that {@code ago(24h)} cuts the same rows in every run. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-01-15T12:00:00Z");
    public static final Duration DEFAULT_SPAN = Duration.ofHours(30);
    /** Bump when the generator's output changes, so cached data sets are not reused across versions. */
    public static final int GENERATOR_VERSION = 1;

    public GeneratorConfig {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(span, "span");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
        if (exfilShare < 0 || nearMissShare < 0 || exfilShare + nearMissShare > 1) {
            throw new IllegalArgumentException("shares must be >= 0 and add up to at most 1");
        }
        if (devices < 1 || users < 1 || processes < 1) {
            throw new IllegalArgumentException("devices, users and processes must be >= 1");
        }
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be positive");
        }
    }

    /** Sensible defaults for everything but the row count and seed. */
    public static GeneratorConfig of(long rows, long seed) {
        return new GeneratorConfig(rows, seed, 0.002, 0.05, 500, 400, 4000, DEFAULT_NOW, DEFAULT_SPAN);
    }

    public GeneratorConfig withShares(double exfil, double nearMiss) {
        return new GeneratorConfig(rows, seed, exfil, nearMiss, devices, users, processes, now, span);
    }

    public GeneratorConfig withFleet(int devices, int users, int processes) {
        return new GeneratorConfig(rows, seed, exfilShare, nearMissShare, devices, users, processes, now, span);
    }

    /** A file-name-safe key naming every parameter, for caching generated data. */
    public String cacheKey() {
        return String.format(Locale.ROOT, "g%d-r%d-s%d-x%s-n%s-d%d-u%d-p%d-t%d-h%d", GENERATOR_VERSION, rows, seed, share(exfilShare),
                share(nearMissShare), devices, users, processes, now.getEpochSecond(), span.toMinutes());
    }

    private static String share(double value) {
        return Double.toString(value).replace('.', '_');
    }
}
