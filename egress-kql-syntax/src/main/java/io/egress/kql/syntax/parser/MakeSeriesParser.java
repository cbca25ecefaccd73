package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.tree.Assignment;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Option;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code make-series [kind=nonempty] aggs [default=v] on axis (from a to b step s | in range(a, b, s)) [by keys]}. */
final class MakeSeriesParser {
    private MakeSeriesParser() {
    }

    static TabularOperator parse(OperatorParser p, int start) {
        List<Option> options = p.parseOptions(Set.of("kind"));
        List<TabularOperator.SeriesAggregate> aggregates = new ArrayList<>();
        do {
            int aggStart = p.peek().start();
            Assignment aggregate = p.parseAssignment();
            Expr defaultValue = null;
            if (p.atIdentifier("default")) {
                p.next();
                p.expect("=");
                defaultValue = p.parseExpr();
            }
            aggregates.add(new TabularOperator.SeriesAggregate(aggregate, defaultValue, p.spanFrom(aggStart)));
        } while (p.accept(","));
        p.expect("on");
        Expr axis = p.parseUnary();
        Expr from = null;
        Expr to = null;
        Expr step = null;
        if (p.atIdentifier("in") && p.peek(1).isIdentifier("range")) {
            p.next();
            Expr range = p.parsePrimary();
            if (range instanceof Expr.Call call && call.args().size() == 3) {
                from = call.args().get(0);
                to = call.args().get(1);
                step = call.args().get(2);
            } else {
                p.reportPublic(io.egress.kql.syntax.diag.DiagnosticCodes.expected(range.span(),
                        "range(start, stop, step)", p.source.slice(range.span())));
            }
        } else {
            if (p.accept("from")) {
                from = p.parseExpr();
            }
            if (p.accept("to")) {
                to = p.parseExpr();
            }
            p.expect("step");
            step = p.parseExpr();
        }
        List<Assignment> by = List.of();
        if (p.accept("by")) {
            by = p.parseAssignments();
        }
        return new TabularOperator.MakeSeries(options, aggregates, axis, from, to, step, by, p.spanFrom(start));
    }
}
