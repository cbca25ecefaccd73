package io.egress.bench.run;

import java.util.Map;

/** One timed run of one engine: wall and CPU time, phases, memory and result size. */
public record Measurement(String engine, int iteration, boolean warmup, long wallNanos, long cpuNanos,
                          Map<String, Long> phaseNanos, MemoryProbe.Usage memory, int resultRows) {
}
