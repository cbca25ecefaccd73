package io.egress.store.query;

import io.egress.data.ValueFormat;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.Compilation;
import io.egress.kql.syntax.lexer.Lexer;
import io.egress.kql.syntax.lexer.TimespanUnits;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.store.ReadPlan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a compiled query needs from a store (a superset is always safe; a subset never happens):
 * <ul>
 *   <li><b>Tables:</b> {@link Compilation#referencedTables()}.</li>
 *   <li><b>Columns:</b> {@link Compilation#referencedColumns()} (the engine's projection pushdown).</li>
 *   <li><b>Rows:</b> {@link Compilation#prefilter(String)} (the engine's filter pushdown), as a
 *       {@link MemoPrefilter}.</li>
 *   <li><b>Time bound</b> (from the tokens): a table gets one only when every mention of it is directly followed by
 *       {@code | where Timestamp > ago(T)} (or {@code >=}, or a {@code datetime(...)} literal) whose
 *       clause is that comparison alone or joined to the rest by {@code and} without a top-level
 *       {@code or}. The bound is the earliest of them, one second earlier still.</li>
 * </ul>
 */
public final class QueryNeeds {
    private static final Duration MARGIN = Duration.ofSeconds(1);

    private QueryNeeds() {
    }

    /** The plan for one compiled query run with {@code now} as the anchor of {@code ago()}. */
    public static ReadPlan plan(Compilation compilation, Instant now) {
        String text = compilation.source().text();
        List<Token> tokens = Lexer.tokenize(text, new ArrayList<>());
        Map<String, ReadPlan.TableRead> tables = new LinkedHashMap<>();
        Map<String, Set<String>> columns = compilation.referencedColumns();
        for (String table : compilation.referencedTables()) {
            Set<String> used = columns.get(table);
            Optional<io.egress.store.RowFilter> filter = compilation.prefilter(table).map(p -> new MemoPrefilter(p, now));
            tables.put(table, new ReadPlan.TableRead(used == null ? Optional.empty() : Optional.of(used),
                    timeBound(tokens, table, now), filter));
        }
        return ReadPlan.of(tables);
    }

    /** The plan that serves all of the queries. */
    public static ReadPlan plan(List<Compilation> compilations, Instant now) {
        ReadPlan plan = ReadPlan.of(Map.of());
        for (Compilation c : compilations) {
            plan = plan.merge(plan(c, now));
        }
        return plan;
    }

    /** The earliest time a row of {@code table} must have to matter, when the text proves one. */
    static Optional<Instant> timeBound(List<Token> tokens, String table, Instant now) {
        Instant earliest = null;
        int mentions = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.STRING && table.equals(t.value())) {
                return Optional.empty(); // table("X") or a name in quotes: not analysed
            }
            if (!t.isIdentifier(table)) {
                continue;
            }
            mentions++;
            Optional<Instant> bound = boundAfter(tokens, i + 1, now);
            if (bound.isEmpty()) {
                return Optional.empty();
            }
            earliest = earliest == null || bound.get().isBefore(earliest) ? bound.get() : earliest;
        }
        return mentions == 0 || earliest == null ? Optional.empty() : Optional.of(earliest.minus(MARGIN));
    }

    /** {@code | where Timestamp >[=] (ago(T) | datetime(X))} at {@code i}, then a clause end or a safe {@code and}. */
    private static Optional<Instant> boundAfter(List<Token> tokens, int i, Instant now) {
        if (!(at(tokens, i).isSymbol("|") && at(tokens, i + 1).isIdentifier("where")
                && at(tokens, i + 2).isIdentifier("Timestamp")
                && (at(tokens, i + 3).isSymbol(">") || at(tokens, i + 3).isSymbol(">=")))) {
            return Optional.empty();
        }
        int next;
        Instant bound;
        Token value = at(tokens, i + 4);
        if (value.isIdentifier("ago") && at(tokens, i + 5).isSymbol("(") && at(tokens, i + 6).is(TokenKind.TIMESPAN)
                && at(tokens, i + 7).isSymbol(")")) {
            Optional<Duration> span = timespan(at(tokens, i + 6).text());
            if (span.isEmpty()) {
                return Optional.empty();
            }
            bound = now.minus(span.get());
            next = i + 8;
        } else if (value.is(TokenKind.TYPED_LITERAL) && value.text().toLowerCase(Locale.ROOT).startsWith("datetime")
                && value.value() instanceof String inner) {
            Optional<Instant> at = ValueConverter.parseDateTime(inner);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            bound = at.get();
            next = i + 5;
        } else {
            return Optional.empty();
        }
        Token after = at(tokens, next);
        if (after.isSymbol("|") || after.isSymbol(";") || after.isSymbol(")") || after.is(TokenKind.END)) {
            return Optional.of(bound);
        }
        if (!after.isIdentifier("and")) {
            return Optional.empty();
        }
        int depth = 0;
        for (int j = next + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
                if (--depth < 0) {
                    return Optional.of(bound);
                }
            } else if (depth == 0 && (t.isSymbol("|") || t.isSymbol(";") || t.is(TokenKind.END))) {
                return Optional.of(bound);
            } else if (depth == 0 && t.isIdentifier("or")) {
                return Optional.empty();
            }
        }
        return Optional.of(bound);
    }

    private static Token at(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
    }

    /** A timespan literal such as {@code 24h}, {@code 1.5d}, {@code 30min}. */
    static Optional<Duration> timespan(String text) {
        int unit = 0;
        while (unit < text.length() && (Character.isDigit(text.charAt(unit)) || text.charAt(unit) == '.')) {
            unit++;
        }
        String name = text.substring(unit);
        if (unit == 0 || !TimespanUnits.isUnit(name) || TimespanUnits.ticks(name) == 0) {
            return Optional.empty();
        }
        try {
            BigDecimal ticks = new BigDecimal(text.substring(0, unit)).multiply(BigDecimal.valueOf(TimespanUnits.ticks(name)));
            return Optional.of(Duration.ofNanos(ticks.multiply(BigDecimal.valueOf(100)).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** For explain output: the plan in one line per table. */
    public static String describe(ReadPlan plan) {
        StringBuilder sb = new StringBuilder();
        plan.tables().forEach((table, read) -> sb.append(table).append(": ")
                .append(read.columns().map(c -> c.size() + " names").orElse("every column"))
                .append(read.after().map(a -> ", from " + ValueFormat.datetime(a)).orElse("")).append('\n'));
        return sb.toString();
    }
}
