package io.egress.telemetry;

import io.egress.data.DefenderSchemas;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.AdvancedHuntingReader;
import io.egress.data.io.ExportLineDecoder;
import io.egress.data.io.ReadProblem;
import io.egress.data.io.ReadResult;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import io.egress.telemetry.normalize.Values;
import io.egress.telemetry.read.TextSniff;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Defender Advanced Hunting exports (JSON lines, JSON array, API response, CSV), read with the engine's
 * {@link AdvancedHuntingReader} and routed straight to their table: by a {@code Type} column when the
 * export has one (Sentinel), else by the Defender table whose columns the export's header matches best.
 */
final class DefenderExports {
    static final String FORMAT = "defender";
    private static final int HEAD = 1 << 16;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Rows read per table, and the problems met. */
    record Loaded(Map<String, List<Object[]>> rows, List<Malformed> problems, String layout) {
    }

    private DefenderExports() {
    }

    /** Whether the head looks like Advanced Hunting rows: Defender column names, none of the Windows event keys. */
    static boolean accepts(byte[] head, int length) {
        String text = TextSniff.text(head, length);
        char first = TextSniff.firstSignificant(text);
        if (first == '{' || first == '[') {
            if (text.contains("\"Results\"") && text.contains("\"Schema\"")) {
                return true;
            }
            return text.contains("\"DeviceName\"") && text.contains("\"ActionType\"") && text.contains("\"Timestamp\"")
                    && !text.contains("\"EventID\"") && !text.contains("\"winlog\"") && !text.contains("\"SyslogMessage\"");
        }
        int newline = text.indexOf('\n');
        String header = (newline < 0 ? text : text.substring(0, newline)).replace("\"", "");
        List<String> names = List.of(header.strip().split("\\s*,\\s*"));
        return names.contains("Timestamp") && names.contains("DeviceName") && names.contains("ActionType");
    }

    static Loaded read(InputStream in, String name) throws IOException {
        return read(in, name, true);
    }

    /** As {@link #read(InputStream, String)}; without {@code fastPath} every JSON line is read as a tree (tests compare the two). */
    static Loaded read(InputStream in, String name, boolean fastPath) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, HEAD);
        buffered.mark(HEAD);
        byte[] head = buffered.readNBytes(HEAD);
        buffered.reset();
        if (isJsonLines(head)) {
            return streamJsonLines(buffered, name, fastPath);
        }
        String text = new String(buffered.readAllBytes(), StandardCharsets.UTF_8);
        ReadResult result = AdvancedHuntingReader.read(text, name, null);
        List<Malformed> problems = new ArrayList<>();
        for (ReadProblem problem : result.problems()) {
            problems.add(new Malformed(SourceLocation.line(name, problem.line()), problem.reason()));
        }
        Table table = result.table();
        Schema inferred = table.schema();
        int typeColumn = inferred.indexOf("Type");
        String guess = bestTable(inferred);
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        for (Object[] row : table.rows()) {
            String target = guess;
            if (typeColumn >= 0 && row[typeColumn] != null) {
                String type = Values.text(row[typeColumn]);
                if (DefenderSchemas.schema(type).isPresent()) {
                    target = type;
                }
            }
            String chosen = target;
            rows.computeIfAbsent(chosen, t -> new ArrayList<>())
                    .add(convert(row, inferred, DefenderSchemas.schema(chosen).orElseThrow(), chosen));
        }
        return new Loaded(rows, problems, result.format().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the file is JSON lines: its first line is a whole JSON object that is not an API response
     * (a pretty-printed array or response starts with a line that does not parse on its own).
     */
    private static boolean isJsonLines(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int newline = text.indexOf('\n', start);
        if (newline < 0) {
            return false; // one line, or a first line longer than the head: the general reader handles it
        }
        String first = text.substring(start, newline).strip();
        if (!first.startsWith("{")) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(first);
            return node != null && node.isObject() && !node.has("Results") && !node.has("Schema");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * JSON lines read one line at a time and converted straight to their table's schema: memory holds the
     * rows, never the file, and no column types are inferred (the Defender schema gives them). Lines are
     * split as {@link java.io.BufferedReader#readLine} splits them (LF, CR or CRLF) and numbered the
     * same way. Most lines of an export are read by {@link FastRows}, without a JSON tree; a line it
     * declines is read here as a tree.
     */
    private static Loaded streamJsonLines(InputStream in, String name, boolean fastPath) throws IOException {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        List<Malformed> problems = new ArrayList<>();
        TableGuess guess = new TableGuess();
        FastRows fast = new FastRows();
        ByteLines lines = new ByteLines(in);
        long lineNumber = 0;
        while (lines.next()) {
            byte[] buf = lines.buffer();
            int off = lines.start();
            int len = lines.length();
            if (len > 0 && buf[off + len - 1] == '\r') {
                len--;
            }
            if (lines.firstCr() >= 0 && lines.firstCr() < off + len) {
                // a bare CR ends a line for readLine: read each piece the general way
                for (String piece : new String(buf, off, len, StandardCharsets.UTF_8).split("\r", -1)) {
                    lineNumber++;
                    readTree(piece, lineNumber, name, guess, rows, problems);
                }
                continue;
            }
            lineNumber++;
            Object[] row = fastPath ? fast.decode(buf, off, len) : null;
            if (row != null) {
                rows.computeIfAbsent(fast.table(), t -> new ArrayList<>()).add(fast.finish(row));
                continue;
            }
            String table = readTree(new String(buf, off, len, StandardCharsets.UTF_8), lineNumber, name, guess, rows,
                    problems);
            if (table != null && fastPath) {
                fast.prime(table, buf, off, len);
            }
        }
        return new Loaded(rows, problems, "json_lines");
    }

    /**
     * Reads one line as a JSON tree into its table's rows, or records why it is malformed. Returns the
     * table when the line's keys alone route it there (no {@code Type} key), else null.
     */
    private static String readTree(String line, long lineNumber, String name, TableGuess guess,
                                   Map<String, List<Object[]>> rows, List<Malformed> problems) {
        String trimmed = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1).strip() : line.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (IOException e) {
            problems.add(new Malformed(SourceLocation.line(name, lineNumber), "not a JSON object: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new Malformed(SourceLocation.line(name, lineNumber), "not a JSON object"));
            return null;
        }
        String table = guess.tableOf(node);
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(convert(node, DefenderSchemas.schema(table).orElseThrow(), table));
        return node.has("Type") ? null : table;
    }

    /**
     * The fast path: an {@link ExportLineDecoder} primed with the last line read as a tree, so that the
     * lines after it with the same keys (the same table) skip the tree. Priming stops for the file after
     * {@link #MAX_FAILED_PRIMES} lines in a row that it could not read exactly (nested values, other
     * datetime forms), so such files cost one extra attempt per line at most that often.
     */
    private static final class FastRows {
        private static final int MAX_FAILED_PRIMES = 8;
        private final Map<String, ExportLineDecoder> decoders = new java.util.HashMap<>();
        private ExportLineDecoder current;
        private String table;
        private Schema schema;
        /** The string and dynamic columns of {@link #schema}: the ones {@link #finish} normalizes. */
        private int[] textColumns;
        private int failedPrimes;

        Object[] decode(byte[] b, int off, int len) {
            return current == null ? null : current.decode(b, off, len);
        }

        String table() {
            return table;
        }

        void prime(String table, byte[] b, int off, int len) {
            if (failedPrimes >= MAX_FAILED_PRIMES || (current != null && current.primed() && table.equals(this.table))) {
                return;
            }
            Schema target = DefenderSchemas.schema(table).orElseThrow();
            ExportLineDecoder decoder = decoders.computeIfAbsent(table, t -> ExportLineDecoder.of(target));
            if (decoder == null || decoder.prime(b, off, len) == null) {
                failedPrimes++;
                current = null;
                return;
            }
            failedPrimes = 0;
            current = decoder;
            this.table = table;
            this.schema = target;
            this.textColumns = java.util.stream.IntStream.range(0, target.size())
                    .filter(i -> target.column(i).type() == ScalarType.STRING || target.column(i).type() == ScalarType.DYNAMIC)
                    .toArray();
        }

        /** The decoder's row normalized as {@link #convert(JsonNode, Schema, String)} normalizes a tree's values. */
        Object[] finish(Object[] row) {
            for (int i : textColumns) {
                row[i] = Values.convert(row[i], schema.column(i).type());
            }
            fillDefaults(row, schema, table);
            return row;
        }
    }

    /**
     * Lines of a byte stream split at LF, in a buffer that grows for long lines. The scan for the LF also
     * notes the line's first CR, so that the caller can split bare CRs as readLine does without a second
     * pass, and it resumes where it stopped when a long line needs more input.
     */
    private static final class ByteLines {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        private int filled;
        private int position;
        /** Where the scan of the current line goes on (bytes before it hold no LF). */
        private int scanned;
        private int start;
        private int length;
        private int cr = -1;
        private boolean eof;

        ByteLines(InputStream in) {
            this.in = in;
        }

        /** Moves to the next line; false at the end of the stream. */
        boolean next() throws IOException {
            if (scanned < position) {
                scanned = position;
                cr = -1;
            }
            while (true) {
                for (int i = scanned; i < filled; i++) {
                    byte c = buffer[i];
                    if (c == '\n') {
                        start = position;
                        length = i - position;
                        position = i + 1;
                        return true;
                    }
                    if (c == '\r' && cr < 0) {
                        cr = i;
                    }
                }
                scanned = filled;
                if (eof) {
                    if (position < filled) {
                        start = position;
                        length = filled - position;
                        position = filled;
                        return true;
                    }
                    return false;
                }
                if (position > 0) {
                    System.arraycopy(buffer, position, buffer, 0, filled - position);
                    filled -= position;
                    scanned -= position;
                    cr = cr < 0 ? -1 : cr - position;
                    position = 0;
                }
                if (filled == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    eof = true;
                } else {
                    filled += n;
                }
            }
        }

        /** The index in {@link #buffer()} of the current line's first CR, or -1. */
        int firstCr() {
            return cr;
        }

        byte[] buffer() {
            return buffer;
        }

        int start() {
            return start;
        }

        int length() {
            return length;
        }
    }

    /**
     * The row's {@code Type} when it names a Defender table, else the best match for its keys. Rows of
     * one export share their keys, so the last key list and its table are kept and compared in place:
     * no per-row allocation on the common path.
     */
    private static final class TableGuess {
        private final List<String> lastKeys = new ArrayList<>();
        private String lastTable;

        String tableOf(JsonNode row) {
            JsonNode type = row.get("Type");
            if (type != null && type.isTextual() && DefenderSchemas.schema(type.textValue()).isPresent()) {
                return type.textValue();
            }
            if (lastTable == null || !sameKeys(row)) {
                lastKeys.clear();
                row.fieldNames().forEachRemaining(lastKeys::add);
                lastTable = bestTable(lastKeys);
            }
            return lastTable;
        }

        private boolean sameKeys(JsonNode row) {
            if (row.size() != lastKeys.size()) {
                return false;
            }
            java.util.Iterator<String> names = row.fieldNames();
            for (String key : lastKeys) {
                if (!names.hasNext() || !names.next().equals(key)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Object[] convert(JsonNode row, Schema to, String table) {
        Object[] out = new Object[to.size()];
        for (int i = 0; i < to.size(); i++) {
            JsonNode v = row.get(to.column(i).name());
            Object value = v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.isBoolean() ? v.booleanValue()
                    : v.isIntegralNumber() ? (Object) v.longValue() : v.isNumber() ? (Object) v.doubleValue() : v;
            out[i] = Values.convert(value, to.column(i).type());
        }
        fillDefaults(out, to, table);
        return out;
    }

    /** The Defender table sharing the most columns with the export (columns it lacks count against it). */
    static String bestTable(Schema columns) {
        return bestTable(columns.names());
    }

    private static String bestTable(List<String> columns) {
        String best = DefenderSchemas.TABLES.get(0);
        int bestScore = Integer.MIN_VALUE;
        for (String table : DefenderSchemas.TABLES) {
            Schema schema = DefenderSchemas.schema(table).orElseThrow();
            int score = 0;
            for (String column : columns) {
                score += schema.indexOf(column) >= 0 ? 1 : -3;
            }
            if (score > bestScore) {
                bestScore = score;
                best = table;
            }
        }
        return best;
    }

    private static Object[] convert(Object[] row, Schema from, Schema to, String table) {
        Object[] out = new Object[to.size()];
        for (int i = 0; i < to.size(); i++) {
            int source = from.indexOf(to.column(i).name());
            Object value = source < 0 ? null : row[source];
            out[i] = Values.convert(value instanceof com.fasterxml.jackson.databind.JsonNode node && node.isTextual()
                    ? node.textValue() : value, to.column(i).type());
        }
        fillDefaults(out, to, table);
        return out;
    }

    /** TimeGenerated defaults to Timestamp and Type to the table, as Sentinel fills them. */
    private static void fillDefaults(Object[] out, Schema to, String table) {
        int timestamp = to.indexOf("Timestamp");
        int generated = to.indexOf("TimeGenerated");
        if (generated >= 0 && out[generated] == null && timestamp >= 0) {
            out[generated] = out[timestamp];
        }
        int type = to.indexOf("Type");
        if (type >= 0 && Values.missing(out[type])) {
            out[type] = table;
        }
    }
}
