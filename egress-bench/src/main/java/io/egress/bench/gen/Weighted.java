package io.egress.bench.gen;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Weighted random choice from a small list. */
final class Weighted {
    private Weighted() {
    }

    static <T> T pick(List<T> items, ToIntFunction<T> weight, SplittableRandom r) {
        int total = 0;
        for (T item : items) {
            total += weight.applyAsInt(item);
        }
        int ticket = r.nextInt(total);
        for (T item : items) {
            ticket -= weight.applyAsInt(item);
            if (ticket < 0) {
                return item;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
