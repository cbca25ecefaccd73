package io.egress.bench.run;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every engine once per round, rotating which goes first so that none always runs on a warm or
 * cold machine: {@code warmup} rounds are run and discarded, then {@code iterations} rounds are kept.
 */
public final class Interleaver {
    private final List<QueryEngine> engines;
    private final int warmup;
    private final int iterations;
    private final Consumer<String> log;

    public Interleaver(List<QueryEngine> engines, int warmup, int iterations, Consumer<String> log) {
        this.engines = List.copyOf(engines);
        this.warmup = warmup;
        this.iterations = iterations;
        this.log = log;
    }

    /** The measurements, and the last result of each engine (for comparing answers). */
    public record Outcome(List<Measurement> measurements, Map<String, RunResult> lastResults) {
    }

    public Outcome run() throws Exception {
        List<Measurement> out = new ArrayList<>();
        Map<String, RunResult> last = new LinkedHashMap<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int rounds = warmup + iterations;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < engines.size(); k++) {
                QueryEngine engine = engines.get((round + k) % engines.size());
                MemoryProbe probe = MemoryProbe.start();
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                RunResult result = engine.run();
                long wall = System.nanoTime() - start;
                long cpuUsed = os.getProcessCpuTime() - cpu;
                MemoryProbe.Usage usage = probe.stop();
                boolean isWarmup = round < warmup;
                out.add(new Measurement(engine.name(), round, isWarmup, wall, cpuUsed, result.phaseNanos(), usage,
                        result.rowCount()));
                last.put(engine.name(), result);
                log.accept(String.format("  %s %-14s %8.1f ms  cpu %8.1f ms  heap %6d MB  rows %d",
                        isWarmup ? "warmup" : "run   ", engine.name(), wall / 1e6, cpuUsed / 1e6,
                        usage.heapPeakSampled() >> 20, result.rowCount()));
            }
        }
        return new Outcome(out, last);
    }
}
