package io.egress.cli;

import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.store.ReadPlan;
import io.egress.store.SegmentProblem;
import io.egress.store.Store;
import io.egress.store.StoreException;
import io.egress.store.StoreRead;
import io.egress.store.StoreReader;
import io.egress.telemetry.FileReport;
import io.egress.telemetry.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code --store DIR} side of {@code query} and {@code detect}: open, read with a plan, warn about skipped segments. */
final class StoreTables {
    private StoreTables() {
    }

    static Store open(Path dir) throws UserError {
        try {
            return Store.open(dir);
        } catch (StoreException e) {
            throw new UserError(e.getMessage());
        }
    }

    static StoreReader reader() {
        return new StoreReader(Runtime.getRuntime().availableProcessors());
    }

    static Map<String, Schema> schemas(Store store) throws UserError {
        try {
            return reader().schemas(store);
        } catch (IOException e) {
            throw new UserError("cannot read the store " + store.root() + ": " + CliText.reason(e));
        }
    }

    static StoreRead read(Store store, ReadPlan plan, PrintWriter err) throws UserError {
        StoreRead read;
        try {
            read = reader().read(store, plan);
        } catch (IOException e) {
            throw new UserError("cannot read the store " + store.root() + ": " + CliText.reason(e));
        }
        for (SegmentProblem problem : read.problems()) {
            err.println("warning: " + problem);
        }
        return read;
    }

    /** Tables and file reports of both loads; tables of the same name are concatenated. */
    static LoadResult merge(LoadResult a, LoadResult b) {
        Map<String, Table> tables = new LinkedHashMap<>(a.tables());
        b.tables().forEach((name, table) -> tables.merge(name, table, StoreTables::concat));
        List<FileReport> files = new ArrayList<>(a.files());
        files.addAll(b.files());
        return new LoadResult(tables, files, a.stoppedAt().or(b::stoppedAt));
    }

    static Table concat(Table a, Table b) {
        if (a.rowCount() == 0) {
            return b;
        }
        if (b.rowCount() == 0) {
            return a;
        }
        List<Object[]> rows = new ArrayList<>(a.rows());
        rows.addAll(b.rows());
        return Table.of(a.schema(), rows);
    }

    static Optional<java.time.Instant> later(Optional<java.time.Instant> a, Optional<java.time.Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isAfter(b.get()) ? a : b;
    }
}
