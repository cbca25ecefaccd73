package io.egress.kql.engine.exec;

import io.egress.kql.engine.plan.BoundExpr;
import java.util.List;

/**
 * {@code row_number()}, {@code prev()} and {@code next()} over a serialized input. The operator that
 * evaluates them publishes the current row list and position through {@link Window}.
 */
public final class WindowFunctions {
    private WindowFunctions() {
    }

    /** The rows of the operator being evaluated and the current position; set per row by that operator. */
    public static final class Window {
        List<Object[]> rows;
        int position;
    }

    static RowExpr compile(BoundExpr.RowWindow w) {
        switch (w.name()) {
            case "row_number": {
                long start = w.start();
                return (row, ctx) -> start + ctx.window().position;
            }
            case "prev":
            case "next": {
                RowExpr arg = ExprCompiler.compile(w.arg());
                RowExpr def = w.defaultValue() == null ? null : ExprCompiler.compile(w.defaultValue());
                int offset = w.name().equals("prev") ? -w.offset() : w.offset();
                return (row, ctx) -> {
                    Window win = ctx.window();
                    int at = win.position + offset;
                    if (at < 0 || at >= win.rows.size()) {
                        return def == null ? null : def.eval(row, ctx);
                    }
                    return arg.eval(win.rows.get(at), ctx);
                };
            }
            default:
                throw new IllegalStateException("unknown window function " + w.name());
        }
    }
}
