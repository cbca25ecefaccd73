package io.egress.bench.benign;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the benign corpus: repeatedly picks a population (at random, weighted by its share, skipping
 * populations already ahead of their share of the events so the shares hold exactly at any size), lets it
 * act on its hosts, and passes every row on, until {@code events} rows are out. Deterministic: the same
 * config gives the same rows in the same order.
 */
public final class BenignGenerator {
    /** Counts of what a run produced. */
    public record Counts(long events, Map<String, Long> perTable, Map<Population, Long> perPopulation) {
    }

    private final BenignConfig config;
    private final Estate estate;

    public BenignGenerator(BenignConfig config) {
        this.config = config;
        this.estate = Estate.build(config);
    }

    public Estate estate() {
        return estate;
    }

    /** Generates the corpus; {@code sink} receives each row with its table and population. */
    public Counts generate(RowSink sink) {
        SplittableRandom r = new SplittableRandom(config.seed());
        Map<String, Long> perTable = new LinkedHashMap<>();
        Emitter.TABLES.forEach(t -> perTable.put(t, 0L));
        Map<Population, Long> perPopulation = new EnumMap<>(Population.class);
        Population[] current = new Population[1];
        long[] total = {0};
        Emitter emitter = new Emitter((table, row) -> {
            if (total[0] < config.events()) {
                total[0]++;
                perTable.merge(table, 1L, Long::sum);
                perPopulation.merge(current[0], 1L, Long::sum);
                sink.accept(table, row, current[0]);
            }
        }, r);
        Ctx ctx = new Ctx(estate, r, emitter, config);
        Population[] all = Population.values();
        while (total[0] < config.events()) {
            Population p = pick(all, r);
            long produced = perPopulation.getOrDefault(p, 0L);
            if (produced > p.share() * total[0] + 20) {
                continue;
            }
            current[0] = p;
            p.run(ctx);
        }
        return new Counts(total[0], perTable, perPopulation);
    }

    private static Population pick(Population[] all, SplittableRandom r) {
        double x = r.nextDouble();
        for (Population p : all) {
            x -= p.share();
            if (x < 0) {
                return p;
            }
        }
        return all[all.length - 1];
    }

    /** Receives a row, its table and the population that produced it. */
    @FunctionalInterface
    public interface RowSink {
        void accept(String table, Object[] row, Population population);
    }
}
