package io.egress.cli;

import io.egress.data.Table;
import io.egress.detect.run.CompiledRule;
import io.egress.detect.run.DetectPipeline;
import io.egress.store.ReadPlan;
import io.egress.store.Store;
import io.egress.store.StoreRead;
import io.egress.store.query.QueryNeeds;
import io.egress.telemetry.FileReport;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Detect's tables from a store (and any PATHs given too): the anchor is {@code --now} or the newest
 * time in the store and the files; then only the tables, columns and time range the compiled rules need
 * are read from the store.
 */
final class StoreSource implements DetectPipeline.TelemetrySource {
    private final Store store;
    private final List<Path> paths;
    private final Consumer<FileReport> progress;
    private final PrintWriter err;

    /** Carries a user error out of the pipeline. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient UserError error;

        Failure(UserError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    StoreSource(Store store, List<Path> paths, Consumer<FileReport> progress, PrintWriter err) {
        this.store = store;
        this.paths = List.copyOf(paths);
        this.progress = progress;
        this.err = err;
    }

    @Override
    public LoadResult load(List<CompiledRule> rules, Optional<Instant> requestedNow) {
        Map<String, Table> empty = new LinkedHashMap<>();
        TelemetryLoader.schemas().forEach((name, schema) -> empty.put(name, Table.of(schema, List.of())));
        LoadResult files = paths.isEmpty() ? new LoadResult(empty, List.of(), Optional.empty())
                : new TelemetryLoader().load(paths, new LoadOptions(false, progress));
        Optional<Instant> storeLatest;
        try {
            storeLatest = StoreTables.reader().latestTime(store, ReadPlan.all());
        } catch (IOException e) {
            throw new Failure(new UserError("cannot read the store " + store.root() + ": " + CliText.reason(e)));
        }
        Optional<Instant> latest = StoreTables.later(storeLatest, files.latestEventTime());
        Instant now = requestedNow.or(() -> latest).orElseGet(Instant::now);
        ReadPlan plan = QueryNeeds.plan(rules.stream().map(CompiledRule::compilation).toList(), now);
        StoreRead read;
        try {
            read = StoreTables.read(store, plan, err);
        } catch (UserError e) {
            throw new Failure(e);
        }
        List<FileReport> reports = new ArrayList<>();
        // the store's time range (every table), so that "latest event" is the same as over the files
        reports.add(new FileReport(store.root().toString(), "skipped", 0, 0, Map.of(), null, storeLatest.orElse(null),
                List.of()));
        LoadResult fromStore = read.toLoadResult(Map.of());
        reports.addAll(fromStore.files());
        return StoreTables.merge(files, new LoadResult(fromStore.tables(), reports, Optional.empty()));
    }
}
