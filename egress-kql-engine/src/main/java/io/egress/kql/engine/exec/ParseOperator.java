package io.egress.kql.engine.exec;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.ValueFormat;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code parse} / {@code parse-where}: one RE2 regex (built at bind time from the pattern) is matched
 * against the source text; its groups fill the target columns, converted to their types. No match:
 * {@code parse} gives empty/null columns, {@code parse-where} drops the row. In {@code relaxed} mode a
 * value that fails to convert is null; otherwise the whole match fails. Streams.
 */
public final class ParseOperator implements PlanNode {
    private final PlanNode input;
    private final Schema schema;
    private final int[] outFrom;
    private final BoundExpr source;
    private final RowExpr sourceExpr;
    private final Pattern pattern;
    private final int[] targets;
    private final ScalarType[] types;
    private final boolean filtering;
    private final boolean relaxed;

    public ParseOperator(PlanNode input, Schema schema, int[] outFrom, BoundExpr source, Pattern pattern, int[] targets,
                         ScalarType[] types, boolean filtering, boolean relaxed) {
        this.input = input;
        this.schema = schema;
        this.outFrom = outFrom;
        this.source = source;
        this.sourceExpr = ExprCompiler.compile(source);
        this.pattern = pattern;
        this.targets = targets;
        this.types = types;
        this.filtering = filtering;
        this.relaxed = relaxed;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return (filtering ? "ParseWhere " : "Parse ") + source + " /" + pattern.pattern() + "/"
                + (relaxed ? " relaxed" : "") + " -> " + schema;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        return () -> {
            for (Object[] row = in.next(); row != null; row = in.next()) {
                Object[] out = new Object[schema.size()];
                for (int c = 0; c < out.length; c++) {
                    out[c] = outFrom[c] >= 0 ? row[outFrom[c]] : ValueConverter.nullOf(schema.column(c).type());
                }
                boolean matched = fill(ValueFormat.toKqlString(sourceExpr.eval(row, ctx)), out);
                if (matched || !filtering) {
                    return out;
                }
            }
            return null;
        };
    }

    private boolean fill(String text, Object[] out) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return false;
        }
        Object[] values = new Object[targets.length];
        for (int i = 0; i < targets.length; i++) {
            String g = m.group(i + 1);
            try {
                values[i] = g == null ? ValueConverter.nullOf(types[i]) : ValueConverter.fromText(g, types[i]);
            } catch (ValueConverter.BadValue e) {
                if (!relaxed) {
                    return false;
                }
                values[i] = ValueConverter.nullOf(types[i]);
            }
        }
        for (int i = 0; i < targets.length; i++) {
            out[targets[i]] = values[i];
        }
        return true;
    }

    /** The regex fragment for a column of this type in simple/relaxed mode. */
    public static String columnRegex(ScalarType type, boolean last) {
        return switch (type) {
            case LONG, INT -> "(-?\\d+)";
            case REAL, DECIMAL -> "(-?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)";
            case BOOL -> "(true|false|True|False|TRUE|FALSE|0|1)";
            default -> last ? "(.*)" : "(.*?)";
        };
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        Set<String> in = new LinkedHashSet<>();
        ExprRefs.addColumns(source, input.schema(), in); // parse-where filters on it; parse's columns come from it
        for (int i = 0; i < outFrom.length; i++) {
            if (outFrom[i] >= 0 && output.contains(schema.column(i).name())) {
                in.add(input.schema().column(outFrom[i]).name());
            }
        }
        return in;
    }

    @Override
    public List<PlanNode> subplans() {
        return ExprRefs.subplans(List.of(source));
    }
}
