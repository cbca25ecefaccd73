package io.egress.bench.run;

import io.egress.bench.gen.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Summarises measurements per engine (median and best of the kept runs) as a Markdown report. */
public final class BenchReport {
    private BenchReport() {
    }

    /** The summary of one engine's kept runs. */
    public record Summary(String engine, String covers, long medianNanos, long bestNanos, long medianCpuNanos,
                          long peakHeap, long peakRssGrowth, int rows, Map<String, Long> medianPhases) {
    }

    public static List<Summary> summarise(List<QueryEngine> engines, List<Measurement> measurements) {
        List<Summary> out = new ArrayList<>();
        for (QueryEngine engine : engines) {
            List<Measurement> kept = measurements.stream().filter(m -> m.engine().equals(engine.name()) && !m.warmup()).toList();
            if (kept.isEmpty()) {
                continue;
            }
            Map<String, Long> phases = new LinkedHashMap<>();
            for (String phase : kept.get(0).phaseNanos().keySet()) {
                phases.put(phase, median(kept.stream().map(m -> m.phaseNanos().getOrDefault(phase, 0L)).toList()));
            }
            out.add(new Summary(engine.name(), engine.covers(),
                    median(kept.stream().map(Measurement::wallNanos).toList()),
                    kept.stream().mapToLong(Measurement::wallNanos).min().orElse(0),
                    median(kept.stream().map(Measurement::cpuNanos).toList()),
                    kept.stream().mapToLong(m -> m.memory().heapPeakSampled()).max().orElse(0),
                    kept.stream().mapToLong(m -> m.memory().rssGrowth()).max().orElse(-1),
                    kept.get(kept.size() - 1).resultRows(), phases));
        }
        return out;
    }

    public static String markdown(Dataset data, List<QueryEngine> engines, List<Summary> summaries, String environment) {
        long rows = data.totalRows();
        double mb = data.totalBytes() / 1e6;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Data: %,d + %,d rows (DeviceProcessEvents + DeviceNetworkEvents), %.1f MB of JSON lines, "
                        + "seed %d, exfil share %s, %d devices, %d users; expected detections %d.%n%n",
                data.config().rows(), data.config().rows(), mb, data.config().seed(), data.config().exfilShare(),
                data.config().devices(), data.config().users(), data.expectedDetections()));
        out.append(environment).append("\n\n");
        out.append("| engine | what one run covers | median | best | rows/s | MB/s | CPU (median) | peak heap | peak RSS growth | result rows |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Summary s : summaries) {
            double seconds = s.medianNanos() / 1e9;
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,.0f | %.1f | %s | %s | %s | %d |%n",
                    s.engine(), s.covers(), ms(s.medianNanos()), ms(s.bestNanos()), rows / seconds, mb / seconds,
                    ms(s.medianCpuNanos()), mib(s.peakHeap()), s.peakRssGrowth() < 0 ? "n/a" : mib(s.peakRssGrowth()), s.rows()));
        }
        List<String> notes = new ArrayList<>();
        for (QueryEngine engine : engines) {
            engine.preparation().ifPresent(p -> notes.add(String.format(Locale.ROOT, "- %s: %s took %s (not in the runs above).",
                    engine.name(), p.name(), ms(p.nanos()))));
        }
        for (Summary s : summaries) {
            if (s.medianPhases().size() > 1) {
                StringBuilder phases = new StringBuilder();
                s.medianPhases().forEach((k, v) -> phases.append(phases.length() == 0 ? "" : ", ").append(k).append(' ').append(ms(v)));
                notes.add("- " + s.engine() + " phases (median): " + phases + ".");
            }
        }
        ratios(summaries, notes);
        if (!notes.isEmpty()) {
            out.append('\n').append(String.join("\n", notes)).append('\n');
        }
        return out.toString();
    }

    private static void ratios(List<Summary> summaries, List<String> notes) {
        for (String name : List.of("egress-json", "egress-store")) {
            Summary egress = find(summaries, name);
            if (egress == null) {
                continue;
            }
            for (Summary other : summaries) {
                if (other != egress && other.engine().startsWith("duckdb")) {
                    notes.add(String.format(Locale.ROOT, "- %s / %s: wall-time ratio %.2f, CPU-time ratio %.2f (below 1 means Egress is faster).",
                            name, other.engine(), egress.medianNanos() / (double) other.medianNanos(),
                            egress.medianCpuNanos() / (double) Math.max(1, other.medianCpuNanos())));
                }
            }
            Long query = egress.medianPhases().get("query");
            Summary duckNative = find(summaries, "duckdb-native");
            if (query != null && duckNative != null) {
                notes.add(String.format(Locale.ROOT, "- %s query phase (over the rows the reader kept) / duckdb-native: %.2f.",
                        name, query / (double) duckNative.medianNanos()));
            }
        }
    }

    private static Summary find(List<Summary> summaries, String name) {
        return summaries.stream().filter(s -> s.engine().equals(name)).findFirst().orElse(null);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }
}
