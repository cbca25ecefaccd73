package io.egress.telemetry.normalize;

import io.egress.data.Column;
import io.egress.data.Schema;
import io.egress.telemetry.event.RawEvent;
import java.util.Objects;

/**
 * Maps raw events to rows: one row in the source's raw table for every event, plus one row per matching
 * rule in a Defender table. Holds per-input state (the process memory), so use one per input stream.
 */
public final class Normalizer {
    /** Receives finished rows. */
    @FunctionalInterface
    public interface RowSink {
        void row(String table, Object[] row);
    }

    private final Mappings mappings;
    private final EvalContext context;

    public Normalizer(Mappings mappings) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.context = new EvalContext(new ProcessTracker());
    }

    public Normalizer() {
        this(Mappings.builtIn());
    }

    public void accept(RawEvent event, RowSink out) {
        context.bind(event);
        for (Mappings.Source source : mappings.sources()) {
            if (!source.selects(context)) {
                continue;
            }
            out.row(source.raw().table(), rawRow(source.raw(), event));
            for (Mappings.Rule rule : source.rules()) {
                if (holds(rule)) {
                    out.row(rule.table(), defenderRow(rule));
                    for (Expr effect : rule.effects()) {
                        effect.eval(context);
                    }
                }
            }
            return;
        }
    }

    private boolean holds(Mappings.Rule rule) {
        for (Mappings.Condition condition : rule.when()) {
            if (!condition.holds(context)) {
                return false;
            }
        }
        return true;
    }

    private Object[] rawRow(Mappings.RawTable raw, RawEvent event) {
        Schema schema = raw.schema();
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            Column column = schema.column(i);
            Expr expr = raw.columns()[i];
            Object value = expr == null ? event.data() : expr.eval(context);
            row[i] = Values.convert(value, column.type());
        }
        return row;
    }

    private Object[] defenderRow(Mappings.Rule rule) {
        Schema schema = rule.schema();
        Object[] row = new Object[schema.size()];
        Expr[] exprs = rule.columns();
        for (int i = 0; i < row.length; i++) {
            Expr expr = exprs[i];
            row[i] = Values.convert(expr == null ? null : expr.eval(context), schema.column(i).type());
        }
        int timestamp = schema.indexOf("Timestamp");
        int generated = schema.indexOf("TimeGenerated");
        if (generated >= 0 && exprs[generated] == null && timestamp >= 0) {
            row[generated] = row[timestamp];
        }
        int type = schema.indexOf("Type");
        if (type >= 0 && exprs[type] == null) {
            row[type] = rule.table();
        }
        return row;
    }
}
