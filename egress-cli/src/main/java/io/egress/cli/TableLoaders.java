package io.egress.cli;

import io.egress.data.DefenderSchemas;
import io.egress.data.io.AdvancedHuntingReader;
import io.egress.data.io.ReadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaders for positional PATHs of {@code egress query}, in the order they are tried. */
public final class TableLoaders {
    private TableLoaders() {
    }

    /** Add a loader here (one line) to teach {@code egress query} a new kind of telemetry file. */
    public static List<TableLoader> all() {
        List<TableLoader> loaders = new ArrayList<>();
        loaders.add(TableLoaders::defenderExportNamedAfterTable);
        return loaders;
    }

    /** A Defender export whose file name starts with its table name: {@code DeviceProcessEvents.jsonl}. */
    static Optional<TableLoader.Loaded> defenderExportNamedAfterTable(Path path) throws java.io.IOException {
        String file = path.getFileName().toString();
        int dot = file.indexOf('.');
        String stem = dot < 0 ? file : file.substring(0, dot);
        var schema = DefenderSchemas.schema(stem);
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        ReadResult r = AdvancedHuntingReader.read(path, schema.get());
        List<String> warnings = new ArrayList<>();
        r.problems().forEach(p -> warnings.add(p.toString()));
        return Optional.of(new TableLoader.Loaded(Map.of(stem, r.table()), warnings));
    }
}
