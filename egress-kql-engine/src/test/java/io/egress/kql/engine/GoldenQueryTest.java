package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Table;
import io.egress.kql.syntax.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code golden/*.test} file (format: {@link GoldenFile}). With
 * {@code -Degress.golden.update=true} the expected sections are rewritten from the actual results;
 * review the diff before committing.
 */
class GoldenQueryTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final KqlEngine ENGINE = new KqlEngine();

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        GoldenFile g = GoldenFile.parse(file.getFileName().toString(), text);
        Compilation c = ENGINE.compile(g.query, Catalog.defender());
        if (g.expectedErrors != null) {
            List<String> actual = new ArrayList<>();
            for (Diagnostic d : c.diagnostics()) {
                if (d.isError()) {
                    actual.add(d.code() + " " + c.source().line(d.span().start()) + ":" + c.source().column(d.span().start()));
                }
            }
            assertThat(actual).as(describe(c)).isEqualTo(g.expectedErrors.stream().map(String::strip).toList());
            return;
        }
        assertThat(c.hasErrors()).as(describe(c)).isFalse();
        Table result = c.execute(g.tables, g.now);
        List<String> actualRows = GoldenFile.renderRows(result);
        Table overPruned = c.execute(pruned(prefiltered(c, g.tables, g.now), c.referencedColumns()), g.now);
        assertThat(GoldenFile.renderRows(overPruned)).as("the same rows over tables cut to referencedColumns() and prefilter() "
                + c.referencedColumns()).isEqualTo(actualRows);
        if (Boolean.getBoolean("egress.golden.update")) {
            rewrite(file, g, result, actualRows);
            return;
        }
        assertThat(g.expectedSchema).as("file has an expected section").isNotNull();
        assertThat(GoldenFile.header(result.schema())).isEqualTo(GoldenFile.header(g.expectedSchema));
        List<String> expectedRows = g.expectedRows.stream().map(cells -> String.join(" | ", cells).strip()).toList();
        List<String> normalizedActual = actualRows.stream().map(String::strip).toList();
        List<String> normalizedExpected = new ArrayList<>();
        for (String[] cells : g.expectedRows) {
            List<String> rendered = new ArrayList<>();
            for (String cell : cells) {
                rendered.add(cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\t", "\\t"));
            }
            normalizedExpected.add(String.join(" | ", rendered).strip());
        }
        assertThat(normalizedActual).as("rows of " + file.getFileName() + " (expected " + expectedRows.size() + ")")
                .containsExactlyElementsOf(normalizedExpected);
    }

    /** The tables without the rows {@link Compilation#prefilter} says no scan keeps. */
    private static java.util.Map<String, Table> prefiltered(Compilation c, java.util.Map<String, Table> tables,
                                                            java.time.Instant now) {
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        tables.forEach((name, table) -> out.put(name, c.prefilter(name)
                .filter(p -> p.schema().equals(table.schema()))
                .map(p -> Table.of(table.schema(), table.rows().stream().filter(p.newTest(now)).toList()))
                .orElse(table)));
        return out;
    }

    /** The tables with only the columns the query can read (projection pushdown as a reader does it). */
    private static java.util.Map<String, Table> pruned(java.util.Map<String, Table> tables,
                                                       java.util.Map<String, java.util.Set<String>> keep) {
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        tables.forEach((name, table) -> {
            java.util.Set<String> columns = keep.get(name);
            if (columns == null) {
                return;
            }
            List<io.egress.data.Column> kept = table.schema().columns().stream()
                    .filter(col -> columns.contains(col.name())).toList();
            int[] from = kept.stream().mapToInt(col -> table.schema().indexOf(col.name())).toArray();
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : table.rows()) {
                Object[] copy = new Object[from.length];
                for (int i = 0; i < from.length; i++) {
                    copy[i] = row[from[i]];
                }
                rows.add(copy);
            }
            out.put(name, Table.of(new io.egress.data.Schema(kept), rows));
        });
        return out;
    }

    private static String describe(Compilation c) {
        StringBuilder sb = new StringBuilder("diagnostics:");
        for (Diagnostic d : c.diagnostics()) {
            sb.append("\n  ").append(d.code()).append(' ').append(c.source().line(d.span().start())).append(':')
                    .append(c.source().column(d.span().start())).append(' ').append(d.message());
            if (d.hasHint()) {
                sb.append(" (").append(d.hint()).append(')');
            }
        }
        return sb.toString();
    }

    private static void rewrite(Path file, GoldenFile g, Table result, List<String> rows) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        expected.add(GoldenFile.header(result.schema()));
        expected.addAll(rows);
        if (g.expectedStart < 0) {
            out.addAll(g.lines);
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
            out.add("-- expected");
            out.addAll(expected);
        } else {
            out.addAll(g.lines.subList(0, g.expectedStart));
            out.addAll(expected);
            out.addAll(g.lines.subList(g.expectedEnd, g.lines.size()));
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
        }
        Files.writeString(file, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }
}
