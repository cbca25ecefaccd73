package io.egress.bench.benign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What an activity needs: the estate, the random source, the emitter, and the clock of the corpus
 * (working hours, nights, any time, a time on the hour for scheduled jobs).
 */
public final class Ctx {
    final Estate estate;
    final SplittableRandom r;
    final Emitter emit;
    private final Instant start;
    private final int days;

    Ctx(Estate estate, SplittableRandom r, Emitter emit, BenignConfig config) {
        this.estate = estate;
        this.r = r;
        this.emit = emit;
        this.start = config.start();
        this.days = config.days();
    }

    private Instant day() {
        return start.plus(Duration.ofDays(r.nextInt(days)));
    }

    /** Working hours: 07:30 to 18:30 UTC, busiest mid-morning and mid-afternoon. */
    Instant work() {
        long seconds = 27_000 + (long) ((r.nextDouble() + r.nextDouble()) / 2 * 39_600);
        return day().plusSeconds(seconds).plusMillis(r.nextInt(1000));
    }

    /** Any time of the day. */
    Instant any() {
        return day().plusSeconds(r.nextInt(86_400)).plusMillis(r.nextInt(1000));
    }

    /** 00:30 to 04:30: backups and maintenance. */
    Instant night() {
        return day().plusSeconds(1_800 + r.nextInt(14_400)).plusMillis(r.nextInt(1000));
    }

    /** A scheduled job: the given hour and minute on some day, a few seconds late. */
    Instant at(int hour, int minute) {
        return day().plusSeconds(hour * 3600L + minute * 60L + r.nextInt(20)).plusMillis(r.nextInt(1000));
    }

    /** A moment shortly after {@code t}. */
    Instant after(Instant t, int maxMillis) {
        return t.plusMillis(1 + r.nextInt(Math.max(1, maxMillis)));
    }

    String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    int between(int low, int high) {
        return low + r.nextInt(high - low + 1);
    }

    boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    String hex(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    String alnum(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(36)));
        }
        return b.toString();
    }

    String date(Instant t) {
        return t.toString().substring(0, 10);
    }

    String privateIp() {
        return "10.20." + between(20, 40) + "." + between(1, 250);
    }
}
