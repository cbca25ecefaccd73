package io.egress.bench.gen;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** An immutable list with a weight per item and O(log n) weighted random choice. */
final class WeightedList<T> {
    private final List<T> items;
    private final int[] cumulative;

    WeightedList(List<T> items, ToIntFunction<T> weight) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("empty weighted list");
        }
        this.items = List.copyOf(items);
        this.cumulative = new int[items.size()];
        int total = 0;
        for (int i = 0; i < items.size(); i++) {
            total += weight.applyAsInt(items.get(i));
            cumulative[i] = total;
        }
    }

    T pick(SplittableRandom r) {
        int ticket = r.nextInt(cumulative[cumulative.length - 1]);
        int index = java.util.Arrays.binarySearch(cumulative, ticket + 1);
        return items.get(index >= 0 ? index : -index - 1);
    }

    List<T> items() {
        return items;
    }
}
