package io.egress.cli;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.AdvancedHuntingReader;
import io.egress.data.io.ReadResult;
import io.egress.data.io.TableWriter;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.kql.engine.QueryRuntimeException;
import io.egress.kql.engine.catalog.MapCatalog;
import io.egress.store.Store;
import io.egress.store.StoreRead;
import io.egress.store.query.QueryNeeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egress query}: runs a KQL query over Defender exports and telemetry files. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs a KQL query over Advanced Hunting exports (--table) and telemetry files (PATH).")
public final class QueryCommand implements Callable<Integer> {
    private static final int MAX_WARNINGS_PER_FILE = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    QueryText query = new QueryText();

    @Option(names = "--table", paramLabel = "NAME=PATH",
            description = "Bind table NAME to an Advanced Hunting export (JSON lines, JSON array, API response or CSV).")
    Map<String, Path> tables = new LinkedHashMap<>();

    @Option(names = "--now", paramLabel = "TIME", description = "The instant now() and ago() use (ISO-8601); default: the clock.")
    String now;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table, jsonl or csv (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Width of table output; default: the terminal's, unlimited when not a terminal.")
    Integer width;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Also read the tables of a store made by 'egress ingest' (only the columns and time range the query needs).")
    Path store;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Telemetry files to load as tables.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        return CliText.run(spec, this::run);
    }

    private int run(PrintWriter out, PrintWriter err) throws UserError {
        QueryText.Source source = query.read();
        Instant instant = parseNow();
        TableWriter writer = TableWriter.forFormat(output, outputWidth())
                .orElseThrow(() -> new UserError("unknown output format '" + output + "' (use table, jsonl or csv)"));
        Map<String, Table> loaded = new LinkedHashMap<>();
        Map<String, Schema> extraSchemas = new LinkedHashMap<>();
        Pushdown pushdown = Pushdown.of(source.text(), instant);
        for (Map.Entry<String, Path> t : tables.entrySet()) {
            Table table = pushdown.applies(t.getKey()) ? pushdown.read(t.getKey(), t.getValue(), "--table " + t.getKey() + "=" + t.getValue(), err)
                    : readExport(t.getKey(), t.getValue(), err);
            loaded.put(t.getKey(), table);
            if (DefenderSchemas.schema(t.getKey()).isEmpty()) {
                extraSchemas.put(t.getKey(), table.schema());
            }
        }
        for (Path path : paths) {
            Optional<String> table = Pushdown.tableNamedBy(path);
            if (table.isPresent() && pushdown.applies(table.get()) && java.nio.file.Files.isRegularFile(path)) {
                loaded.merge(table.get(), pushdown.read(table.get(), path, path.toString(), err), QueryCommand::concat);
            } else {
                loadPath(path, loaded, extraSchemas, err);
            }
        }
        Store opened = store == null ? null : StoreTables.open(store);
        if (opened != null) {
            StoreTables.schemas(opened).forEach((name, schema) -> {
                if (DefenderSchemas.schema(name).isEmpty()) {
                    extraSchemas.putIfAbsent(name, schema);
                }
            });
        }
        Catalog catalog = ((MapCatalog) Catalog.of(DefenderSchemas.all())).with(extraSchemas);
        Compilation compilation = new KqlEngine().compile(source.text(), catalog);
        err.print(CliText.diagnostics(source.label(), compilation.source(), compilation.diagnostics()));
        if (compilation.hasErrors()) {
            return 1;
        }
        if (opened != null) {
            StoreRead read = StoreTables.read(opened, QueryNeeds.plan(compilation, instant), err);
            read.tables().forEach((name, table) -> loaded.merge(name, table, QueryCommand::concat));
        }
        for (String name : compilation.referencedTables()) {
            if (!loaded.containsKey(name)) {
                err.println("warning: table " + name + (opened != null ? " is not in the store and" : "")
                        + " was not given (use --table " + name + "=PATH); it reads as empty");
            }
        }
        Table result;
        try {
            result = compilation.execute(loaded, instant);
        } catch (QueryRuntimeException e) {
            err.print(CliText.format(source.label(), compilation.source(), e.diagnostic()));
            return 1;
        }
        try {
            writer.write(result, out);
        } catch (IOException e) {
            throw new UserError("cannot write the result: " + CliText.reason(e));
        }
        return 0;
    }

    private Instant parseNow() throws UserError {
        if (now == null) {
            return Instant.now();
        }
        return ValueConverter.parseDateTime(now)
                .orElseThrow(() -> new UserError("--now '" + now + "' is not a datetime (use ISO-8601, e.g."
                        + " 2024-05-01T12:00:00Z)"));
    }

    private int outputWidth() {
        if (width != null) {
            return width;
        }
        if (System.console() == null) {
            return 0;
        }
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120"));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    private static Table readExport(String name, Path path, PrintWriter err) throws UserError {
        Schema schema = DefenderSchemas.schema(name).orElse(null);
        ReadResult r;
        try {
            r = AdvancedHuntingReader.read(path, schema);
        } catch (IOException e) {
            throw new UserError("cannot read --table " + name + "=" + path + ": " + CliText.reason(e));
        }
        warn(r.problems().stream().map(Object::toString).toList(), err);
        return r.table();
    }

    private static void loadPath(Path path, Map<String, Table> loaded, Map<String, Schema> extraSchemas,
                                 PrintWriter err) throws UserError {
        if (!java.nio.file.Files.exists(path)) {
            throw new UserError("cannot read " + path + ": no such file");
        }
        for (TableLoader loader : TableLoaders.all()) {
            Optional<TableLoader.Loaded> result;
            try {
                result = loader.load(path);
            } catch (IOException e) {
                throw new UserError("cannot read " + path + ": " + CliText.reason(e));
            }
            if (result.isPresent()) {
                warn(result.get().warnings(), err);
                result.get().tables().forEach((name, table) -> {
                    loaded.merge(name, table, QueryCommand::concat);
                    if (DefenderSchemas.schema(name).isEmpty()) {
                        extraSchemas.putIfAbsent(name, table.schema());
                    }
                });
                return;
            }
        }
        throw new UserError("no reader recognises " + path + "; name a Defender export after its table"
                + " (DeviceProcessEvents.jsonl) or bind it with --table NAME=PATH");
    }

    static Table concat(Table a, Table b) {
        if (a.rowCount() == 0 && a.schema().equals(b.schema())) {
            return b;
        }
        if (b.rowCount() == 0) {
            return a;
        }
        List<Object[]> rows = new ArrayList<>(a.rows());
        if (a.schema().equals(b.schema())) {
            rows.addAll(b.rows());
        } else {
            for (Object[] row : b.rows()) {
                Object[] mapped = new Object[a.schema().size()];
                for (int i = 0; i < mapped.length; i++) {
                    int j = b.schema().indexOf(a.schema().column(i).name());
                    mapped[i] = j >= 0 && b.schema().column(j).type() == a.schema().column(i).type() ? row[j]
                            : ValueConverter.nullOf(a.schema().column(i).type());
                }
                rows.add(mapped);
            }
        }
        return Table.of(a.schema(), rows);
    }

    static void warn(List<String> warnings, PrintWriter err) {
        int shown = 0;
        for (String w : warnings) {
            if (shown++ == MAX_WARNINGS_PER_FILE) {
                err.println("warning: ... " + (warnings.size() - MAX_WARNINGS_PER_FILE) + " more problems");
                break;
            }
            err.println("warning: " + w);
        }
    }
}
