package io.egress.bench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures memory around one run: the peak Java heap in use (sampled every 5 ms, and the sum of the
 * heap pools' own peaks as an upper bound) and the growth of the process's peak resident set (Linux
 * VmHWM, reset through /proc/self/clear_refs), which also covers DuckDB's native memory.
 */
public final class MemoryProbe implements AutoCloseable {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long sampledPeak;
    private final long rssBefore;

    /** What one run used. {@code rssGrowth} is -1 where the OS does not report it. */
    public record Usage(long heapPeakSampled, long heapPoolPeaks, long rssGrowth) {
    }

    private MemoryProbe() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        resetRssPeak();
        rssBefore = rssKb("VmRSS:");
        sampledPeak = memory.getHeapMemoryUsage().getUsed();
        sampler = new Thread(this::sample, "memory-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts measuring now (after a full GC). */
    public static MemoryProbe start() {
        return new MemoryProbe();
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > sampledPeak) {
                sampledPeak = used;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops measuring and returns what the run used. */
    public Usage stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long used = memory.getHeapMemoryUsage().getUsed();
        long pools = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long hwm = rssKb("VmHWM:");
        long growth = hwm < 0 || rssBefore < 0 ? -1 : Math.max(0, hwm - rssBefore) * 1024;
        return new Usage(Math.max(sampledPeak, used), pools, growth);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private static void resetRssPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or not allowed: rssGrowth then measures against the all-time peak.
        }
    }

    private static long rssKb(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
