package io.egress.telemetry.evtx;

import io.egress.data.SharedData;
import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.RawEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Throughput of {@link EvtxReader} on one thread (not a unit test): every corpus EVTX file read N
 * times from memory, then a synthetic file of full chunks. Prints events/s and MB/s, by wall clock and
 * by the thread's CPU time (the fairer figure on a shared machine).
 *
 * <pre>
 * mvn -q -B -o -pl egress-telemetry -am test-compile
 * java -cp egress-data/target/classes:egress-telemetry/target/classes:egress-telemetry/target/test-classes \
 *     io.egress.telemetry.evtx.EvtxBench [iterations] [folder of .evtx files]
 * </pre>
 */
public final class EvtxBench {
    private EvtxBench() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path folder = args.length > 1 ? Path.of(args[1])
                : SharedData.resolve("corpus/sigma/regression_data").orElse(null);
        if (folder != null) {
            List<byte[]> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".evtx")).sorted().collect(Collectors.toList())) {
                    files.add(Files.readAllBytes(p));
                }
            }
            run("corpus (" + files.size() + " files)", files, iterations);
        }
        List<List<EvtxFixture.Event>> chunks = new ArrayList<>();
        for (int c = 0; c < 64; c++) {
            List<EvtxFixture.Event> events = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                events.add(EvtxFixture.sample(i));
            }
            chunks.add(events);
        }
        run("synthetic (64 full chunks)", List.of(EvtxFixture.file(chunks)), Math.max(1, iterations / 10));
    }

    private static void run(String label, List<byte[]> files, int iterations) throws IOException {
        Counter counter = new Counter();
        EvtxReader reader = new EvtxReader();
        for (int warm = 0; warm < Math.max(2, iterations / 5); warm++) {
            for (byte[] file : files) {
                reader.read(new ByteArrayInputStream(file), "bench", counter);
            }
        }
        counter.events = 0;
        counter.problems = 0;
        long bytes = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            for (byte[] file : files) {
                reader.read(new ByteArrayInputStream(file), "bench", counter);
                bytes += file.length;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%s: %d iterations, %d events, %d problems, %.1f MB%n", label, iterations,
                counter.events, counter.problems, bytes / 1e6);
        System.out.printf("  wall %.2f s: %.0f events/s, %.1f MB/s; thread CPU %.2f s: %.0f events/s, %.1f MB/s%n",
                seconds, counter.events / seconds, bytes / seconds / 1e6,
                cpu, counter.events / cpu, bytes / cpu / 1e6);
    }

    private static final class Counter implements EventSink {
        long events;
        long problems;

        @Override
        public void event(RawEvent event) {
            events++;
        }

        @Override
        public void malformed(Malformed problem) {
            problems++;
        }
    }
}
