package io.egress.kql.syntax.print;

import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.TabularOperator;
import io.egress.kql.syntax.tree.TabularOperator.ExpandItem;
import java.util.List;

/** Prints tabular operators for {@link SyntaxPrinter}. */
final class OperatorPrinter {
    private final SyntaxPrinter p;
    private final StringBuilder out;

    OperatorPrinter(SyntaxPrinter printer) {
        this.p = printer;
        this.out = printer.out;
    }

    void operator(TabularOperator op) {
        if (op instanceof TabularOperator.Where w) {
            out.append("where ");
            p.expr(w.predicate());
        } else if (op instanceof TabularOperator.Extend e) {
            out.append("extend ");
            p.list(e.columns(), p::assignment);
        } else if (op instanceof TabularOperator.Project pr) {
            out.append("project ");
            p.list(pr.columns(), p::assignment);
        } else if (op instanceof TabularOperator.ProjectAway a) {
            out.append("project-away ");
            p.list(a.columns(), p::pattern);
        } else if (op instanceof TabularOperator.ProjectKeep k) {
            out.append("project-keep ");
            p.list(k.columns(), p::pattern);
        } else if (op instanceof TabularOperator.ProjectRename r) {
            out.append("project-rename ");
            p.list(r.renames(), x -> {
                p.name(x.newName());
                out.append(" = ");
                p.name(x.oldName());
            });
        } else if (op instanceof TabularOperator.ProjectReorder r) {
            out.append("project-reorder ");
            p.list(r.columns(), x -> {
                p.pattern(x.pattern());
                if (x.order() != null) {
                    out.append(' ').append(x.order());
                }
            });
        } else if (op instanceof TabularOperator.Summarize s) {
            out.append("summarize ");
            p.options(s.options());
            p.list(s.aggregates(), p::assignment);
            if (!s.by().isEmpty()) {
                out.append(s.aggregates().isEmpty() ? "by " : " by ");
                p.list(s.by(), p::assignment);
            }
        } else if (op instanceof TabularOperator.Join j) {
            join("join", j.kind(), j.options(), j.right(), j.on());
        } else if (op instanceof TabularOperator.Lookup l) {
            join("lookup", l.kind(), l.options(), l.right(), l.on());
        } else if (op instanceof TabularOperator.Union u) {
            out.append("union ");
            p.options(u.options());
            p.list(u.legs(), p::leg);
        } else if (op instanceof TabularOperator.Sort s) {
            out.append("sort by ");
            p.list(s.keys(), p::sortKey);
        } else if (op instanceof TabularOperator.Top t) {
            out.append("top ");
            p.expr(t.count());
            out.append(" by ");
            p.sortKey(t.by());
        } else if (op instanceof TabularOperator.Take t) {
            out.append("take ");
            p.expr(t.count());
        } else if (op instanceof TabularOperator.Distinct d) {
            out.append("distinct ");
            p.list(d.columns(), p::assignment);
        } else if (op instanceof TabularOperator.Count) {
            out.append("count");
        } else if (op instanceof TabularOperator.MvExpand m) {
            out.append("mv-expand ");
            p.options(m.options());
            expandItems(m.items());
            limit(m.limit());
        } else if (op instanceof TabularOperator.MvApply m) {
            out.append("mv-apply ");
            p.options(m.options());
            expandItems(m.items());
            limit(m.limit());
            out.append(" on (");
            p.expr(m.subquery());
            out.append(')');
        } else {
            more(op);
        }
    }

    private void more(TabularOperator op) {
        if (op instanceof TabularOperator.Parse x) {
            out.append(x.filtering() ? "parse-where " : "parse ");
            p.options(x.options());
            p.expr(x.source());
            out.append(" with");
            for (TabularOperator.ParsePart part : x.pattern()) {
                out.append(' ');
                if (part instanceof TabularOperator.ParseText t) {
                    p.quote((String) t.text().value());
                } else if (part instanceof TabularOperator.ParseStar) {
                    out.append('*');
                } else if (part instanceof TabularOperator.ParseColumn c) {
                    p.name(c.name());
                    if (c.type() != null) {
                        out.append(':').append(c.type());
                    }
                }
            }
        } else if (op instanceof TabularOperator.ParseKv x) {
            out.append("parse-kv ");
            p.expr(x.source());
            out.append(" as ");
            p.schema(x.columns());
            if (!x.options().isEmpty()) {
                out.append(" with ");
                p.optionList(x.options());
            }
        } else if (op instanceof TabularOperator.As a) {
            out.append("as ");
            p.options(a.options());
            p.name(a.name());
        } else if (op instanceof TabularOperator.Serialize s) {
            out.append("serialize");
            if (!s.columns().isEmpty()) {
                out.append(' ');
                p.list(s.columns(), p::assignment);
            }
        } else if (op instanceof TabularOperator.GetSchema) {
            out.append("getschema");
        } else if (op instanceof TabularOperator.Search s) {
            out.append("search ");
            p.options(s.options());
            inTables(s.tables());
            p.expr(s.predicate());
        } else if (op instanceof TabularOperator.Find f) {
            out.append("find ");
            p.options(f.options());
            inTables(f.tables());
            out.append("where ");
            p.expr(f.predicate());
            if (!f.project().isEmpty()) {
                out.append(" project ");
                p.list(f.project(), p::expr);
            }
        } else if (op instanceof TabularOperator.Sample s) {
            out.append("sample ");
            p.expr(s.count());
        } else if (op instanceof TabularOperator.SampleDistinct s) {
            out.append("sample-distinct ");
            p.expr(s.count());
            out.append(" of ");
            p.expr(s.column());
        } else if (op instanceof TabularOperator.TopNested t) {
            p.list(t.levels(), this::topNestedLevel);
        } else if (op instanceof TabularOperator.MakeSeries m) {
            makeSeries(m);
        } else {
            rest(op);
        }
    }

    private void rest(TabularOperator op) {
        if (op instanceof TabularOperator.Evaluate e) {
            out.append("evaluate ");
            p.options(e.options());
            p.expr(e.plugin());
            if (e.outputSchema() != null) {
                out.append(" : ");
                p.typeSpec(e.outputSchema());
            }
        } else if (op instanceof TabularOperator.Render r) {
            out.append("render ").append(r.chart());
            if (!r.properties().isEmpty()) {
                out.append(" with ");
                p.optionList(r.properties());
            }
        } else if (op instanceof TabularOperator.Fork f) {
            out.append("fork");
            for (TabularOperator.ForkBranch b : f.branches()) {
                out.append(' ');
                if (b.name() != null) {
                    p.name(b.name());
                    out.append(" = ");
                }
                out.append('(');
                p.expr(b.subquery());
                out.append(')');
            }
        } else if (op instanceof TabularOperator.Facet f) {
            out.append("facet by ");
            p.list(f.columns(), p::expr);
            if (f.with() != null) {
                out.append(" with (");
                p.expr(f.with());
                out.append(')');
            }
        } else if (op instanceof TabularOperator.Invoke i) {
            out.append("invoke ");
            p.expr(i.function());
        } else if (op instanceof TabularOperator.Consume c) {
            out.append("consume");
            for (var o : c.options()) {
                out.append(' ');
                p.option(o);
            }
        } else if (op instanceof TabularOperator.Partition x) {
            out.append("partition ");
            p.options(x.options());
            out.append("by ");
            p.expr(x.by());
            out.append(" (");
            p.expr(x.subquery());
            out.append(')');
        } else if (op instanceof TabularOperator.Print x) {
            out.append("print ");
            p.list(x.columns(), p::assignment);
        } else if (op instanceof TabularOperator.Range r) {
            out.append("range ");
            p.name(r.column());
            out.append(" from ");
            p.expr(r.from());
            out.append(" to ");
            p.expr(r.to());
            out.append(" step ");
            p.expr(r.step());
        } else if (op instanceof TabularOperator.Scan s) {
            scan(s);
        } else if (op instanceof TabularOperator.TopHitters t) {
            out.append("top-hitters ");
            p.expr(t.count());
            out.append(" of ");
            p.expr(t.of());
            if (t.by() != null) {
                out.append(" by ");
                p.expr(t.by());
            }
        } else if (op instanceof TabularOperator.Reduce r) {
            out.append("reduce ");
            p.options(r.options());
            out.append("by ");
            p.expr(r.by());
            if (!r.with().isEmpty()) {
                out.append(" with ");
                p.list(r.with(), p::option);
            }
        } else if (op instanceof TabularOperator.Error e) {
            out.append("<error>");
        } else {
            throw new IllegalArgumentException("cannot print " + op.getClass().getSimpleName());
        }
    }

    private void join(String keyword, String kind, List<io.egress.kql.syntax.tree.Option> options, Expr right,
                      List<Expr> on) {
        out.append(keyword).append(' ');
        if (kind != null) {
            out.append("kind=").append(kind).append(' ');
        }
        p.options(options);
        p.expr(right);
        out.append(" on ");
        p.list(on, p::expr);
    }

    private void expandItems(List<ExpandItem> items) {
        p.list(items, item -> {
            p.assignment(item.column());
            if (item.toType() != null) {
                out.append(" to typeof(").append(item.toType()).append(')');
            }
        });
    }

    private void limit(Expr limit) {
        if (limit != null) {
            out.append(" limit ");
            p.expr(limit);
        }
    }

    private void inTables(List<Expr> tables) {
        if (!tables.isEmpty()) {
            out.append("in (");
            p.list(tables, p::leg);
            out.append(") ");
        }
    }

    private void topNestedLevel(TabularOperator.TopNestedLevel level) {
        out.append("top-nested ");
        if (level.count() != null) {
            p.expr(level.count());
            out.append(' ');
        }
        out.append("of ");
        p.assignment(level.of());
        if (level.others() != null) {
            out.append(" with others = ");
            p.expr(level.others());
        }
        out.append(" by ");
        p.assignment(level.by());
        if (level.order() != null) {
            out.append(' ').append(level.order());
        }
    }

    private void makeSeries(TabularOperator.MakeSeries m) {
        out.append("make-series ");
        p.options(m.options());
        p.list(m.aggregates(), a -> {
            p.assignment(a.aggregate());
            if (a.defaultValue() != null) {
                out.append(" default = ");
                p.expr(a.defaultValue());
            }
        });
        out.append(" on ");
        p.expr(m.on());
        if (m.from() != null) {
            out.append(" from ");
            p.expr(m.from());
        }
        if (m.to() != null) {
            out.append(" to ");
            p.expr(m.to());
        }
        out.append(" step ");
        p.expr(m.step());
        if (!m.by().isEmpty()) {
            out.append(" by ");
            p.list(m.by(), p::assignment);
        }
    }

    private void scan(TabularOperator.Scan s) {
        out.append("scan ");
        p.options(s.options());
        if (!s.declare().isEmpty()) {
            out.append("declare ");
            p.schema(s.declare());
            out.append(' ');
        }
        out.append("with (");
        for (TabularOperator.ScanStep step : s.steps()) {
            out.append("\n    step ");
            p.name(step.name());
            if (step.output() != null) {
                out.append(" output=").append(step.output());
            }
            out.append(": ");
            p.expr(step.condition());
            if (!step.assignments().isEmpty()) {
                out.append(" => ");
                p.list(step.assignments(), p::assignment);
            }
            out.append(';');
        }
        out.append("\n)");
    }
}
