package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.util.List;

/** One record per tabular operator (what follows a '|', or starts a pipeline for the source kinds). */
public sealed interface TabularOperator extends SyntaxNode {

    /** {@code where} / {@code filter}. */
    record Where(Expr predicate, Span span) implements TabularOperator {
    }

    record Extend(List<Assignment> columns, Span span) implements TabularOperator {
        public Extend {
            columns = List.copyOf(columns);
        }
    }

    record Project(List<Assignment> columns, Span span) implements TabularOperator {
        public Project {
            columns = List.copyOf(columns);
        }
    }

    /** {@code project-away}; names may contain {@code *} wildcards. */
    record ProjectAway(List<Name> columns, Span span) implements TabularOperator {
        public ProjectAway {
            columns = List.copyOf(columns);
        }
    }

    /** {@code project-keep}; names may contain {@code *} wildcards. */
    record ProjectKeep(List<Name> columns, Span span) implements TabularOperator {
        public ProjectKeep {
            columns = List.copyOf(columns);
        }
    }

    /** {@code project-rename new = old, ...}. */
    record ProjectRename(List<Rename> renames, Span span) implements TabularOperator {
        public ProjectRename {
            renames = List.copyOf(renames);
        }
    }

    record Rename(Name newName, Name oldName, Span span) implements SyntaxNode {
    }

    /** {@code project-reorder a*, b asc, c granny-desc}; order is null when not written. */
    record ProjectReorder(List<ReorderItem> columns, Span span) implements TabularOperator {
        public ProjectReorder {
            columns = List.copyOf(columns);
        }
    }

    record ReorderItem(Name pattern, String order, Span span) implements SyntaxNode {
    }

    /** {@code summarize [hints] aggregates [by keys]}. */
    record Summarize(List<Option> options, List<Assignment> aggregates, List<Assignment> by, Span span)
            implements TabularOperator {
        public Summarize {
            options = List.copyOf(options);
            aggregates = List.copyOf(aggregates);
            by = List.copyOf(by);
        }
    }

    /**
     * {@code join [kind=K] [hint.x=y] right on keys}; kind is null when not written (KQL default innerunique).
     * Keys: {@code col} ({@link Expr.NameRef}) or {@code $left.a == $right.b} ({@link Expr.Binary}).
     */
    record Join(String kind, List<Option> options, Expr right, List<Expr> on, Span span) implements TabularOperator {
        public Join {
            options = List.copyOf(options);
            on = List.copyOf(on);
        }
    }

    /** {@code lookup [kind=leftouter|inner] right on keys}. */
    record Lookup(String kind, List<Option> options, Expr right, List<Expr> on, Span span) implements TabularOperator {
        public Lookup {
            options = List.copyOf(options);
            on = List.copyOf(on);
        }
    }

    /** {@code union [kind=] [withsource=] [isfuzzy=] legs}. Legs: names (maybe with *), sub-queries. */
    record Union(List<Option> options, List<Expr> legs, Span span) implements TabularOperator {
        public Union {
            options = List.copyOf(options);
            legs = List.copyOf(legs);
        }
    }

    /** {@code sort by} / {@code order by}. */
    record Sort(List<SortKey> keys, Span span) implements TabularOperator {
        public Sort {
            keys = List.copyOf(keys);
        }
    }

    /** {@code top n by key}. */
    record Top(Expr count, SortKey by, Span span) implements TabularOperator {
    }

    /** {@code take n} / {@code limit n}. */
    record Take(Expr count, Span span) implements TabularOperator {
    }

    /** {@code distinct cols} / {@code distinct *}; columns may be named ({@code distinct a = tolower(b)}). */
    record Distinct(List<Assignment> columns, Span span) implements TabularOperator {
        public Distinct {
            columns = List.copyOf(columns);
        }
    }

    record Count(Span span) implements TabularOperator {
    }

    /** {@code mv-expand [bagexpansion=..] [with_itemindex=..] items [limit n]}; limit may be null. */
    record MvExpand(List<Option> options, List<ExpandItem> items, Expr limit, Span span) implements TabularOperator {
        public MvExpand {
            options = List.copyOf(options);
            items = List.copyOf(items);
        }
    }

    /** {@code [name =] expr [to typeof(type)]}; toType is null when not written. */
    record ExpandItem(Assignment column, String toType, Span span) implements SyntaxNode {
    }

    /**
     * {@code mv-apply [options] items [limit n] on (subquery)}; the sub-query starts from {@link Expr.InputRef}.
     */
    record MvApply(List<Option> options, List<ExpandItem> items, Expr limit, Expr subquery, Span span)
            implements TabularOperator {
        public MvApply {
            options = List.copyOf(options);
            items = List.copyOf(items);
        }
    }

    /** {@code parse} (and, with {@code filtering}, {@code parse-where}). */
    record Parse(boolean filtering, List<Option> options, Expr source, List<ParsePart> pattern, Span span)
            implements TabularOperator {
        public Parse {
            options = List.copyOf(options);
            pattern = List.copyOf(pattern);
        }

        /** kind=simple|regex|relaxed, or "simple" when not written. */
        public String kind() {
            for (Option o : options) {
                if (o.key().equals("kind") && o.value() instanceof Expr.NameRef n) {
                    return n.name().text();
                }
            }
            return "simple";
        }
    }

    /** One element of a parse pattern: a string literal, {@code *}, or {@code column[:type]}. */
    sealed interface ParsePart extends SyntaxNode {
    }

    record ParseText(Expr.Literal text, Span span) implements ParsePart {
    }

    record ParseStar(Span span) implements ParsePart {
    }

    /** type is null when not written (string). */
    record ParseColumn(Name name, String type, Span span) implements ParsePart {
    }

    /** {@code parse-kv expr as (cols) with (options)}. */
    record ParseKv(Expr source, List<ColumnDecl> columns, List<Option> options, Span span) implements TabularOperator {
        public ParseKv {
            columns = List.copyOf(columns);
            options = List.copyOf(options);
        }
    }

    /** {@code as [hint.materialized=true] Name}. */
    record As(List<Option> options, Name name, Span span) implements TabularOperator {
        public As {
            options = List.copyOf(options);
        }
    }

    record Serialize(List<Assignment> columns, Span span) implements TabularOperator {
        public Serialize {
            columns = List.copyOf(columns);
        }
    }

    record GetSchema(Span span) implements TabularOperator {
    }

    /** {@code search [kind=..] [in (T1, T2)] predicate}. */
    record Search(List<Option> options, List<Expr> tables, Expr predicate, Span span) implements TabularOperator {
        public Search {
            options = List.copyOf(options);
            tables = List.copyOf(tables);
        }
    }

    /**
     * {@code find [options] [in (tables)] [where] predicate [project cols | project-smart]}; tables are
     * names (maybe with *) or sub-queries, project holds {@link Expr.NameRef}s.
     */
    record Find(List<Option> options, List<Expr> tables, Expr predicate, List<Expr> project, Span span)
            implements TabularOperator {
        public Find {
            options = List.copyOf(options);
            tables = List.copyOf(tables);
            project = List.copyOf(project);
        }
    }

    record Sample(Expr count, Span span) implements TabularOperator {
    }

    /** {@code sample-distinct n of column}. */
    record SampleDistinct(Expr count, Expr column, Span span) implements TabularOperator {
    }

    /** {@code top-nested} levels separated by ','. */
    record TopNested(List<TopNestedLevel> levels, Span span) implements TabularOperator {
        public TopNested {
            levels = List.copyOf(levels);
        }
    }

    /** {@code top-nested [n] of col [with others = v] by agg [asc|desc]}; count, others, order may be null. */
    record TopNestedLevel(Expr count, Assignment of, Expr others, Assignment by, String order, Span span)
            implements SyntaxNode {
    }

    /**
     * {@code make-series [options] aggs on axis [from a] [to b] step s [by keys]} or
     * {@code ... on axis in range(a, b, s) ...}; from/to may be null.
     */
    record MakeSeries(List<Option> options, List<SeriesAggregate> aggregates, Expr on, Expr from, Expr to, Expr step,
                      List<Assignment> by, Span span) implements TabularOperator {
        public MakeSeries {
            options = List.copyOf(options);
            aggregates = List.copyOf(aggregates);
            by = List.copyOf(by);
        }
    }

    /** {@code [name =] agg [default = value]}; defaultValue may be null. */
    record SeriesAggregate(Assignment aggregate, Expr defaultValue, Span span) implements SyntaxNode {
    }

    /** {@code evaluate [hints] plugin(args) [: (output schema)]}; outputSchema may be null. */
    record Evaluate(List<Option> options, Expr.Call plugin, TypeSpec outputSchema, Span span)
            implements TabularOperator {
        public Evaluate {
            options = List.copyOf(options);
        }
    }

    /** {@code render chart [with (name = value, ...)]}. */
    record Render(String chart, List<Option> properties, Span span) implements TabularOperator {
        public Render {
            properties = List.copyOf(properties);
        }
    }

    /** {@code fork [name=](subquery) ...}. */
    record Fork(List<ForkBranch> branches, Span span) implements TabularOperator {
        public Fork {
            branches = List.copyOf(branches);
        }
    }

    /** One branch; name is null when not written. */
    record ForkBranch(Name name, Expr subquery, Span span) implements SyntaxNode {
    }

    /** {@code facet by cols [with (subquery)]}; with may be null. */
    record Facet(List<Expr> columns, Expr with, Span span) implements TabularOperator {
        public Facet {
            columns = List.copyOf(columns);
        }
    }

    /** {@code invoke function(args)}. */
    record Invoke(Expr.Call function, Span span) implements TabularOperator {
    }

    /** {@code consume [options]}. */
    record Consume(List<Option> options, Span span) implements TabularOperator {
        public Consume {
            options = List.copyOf(options);
        }
    }

    /** {@code partition [options] by col (subquery)}. */
    record Partition(List<Option> options, Expr by, Expr subquery, Span span) implements TabularOperator {
        public Partition {
            options = List.copyOf(options);
        }
    }

    /** {@code scan [with_match_id=Id] [declare (cols)] with (step ...; ...)}. */
    record Scan(List<Option> options, List<ColumnDecl> declare, List<ScanStep> steps, Span span)
            implements TabularOperator {
        public Scan {
            options = List.copyOf(options);
            declare = List.copyOf(declare);
            steps = List.copyOf(steps);
        }
    }

    /** {@code step Name [output=all|last|none]: condition [=> col = value, ...]}; output may be null. */
    record ScanStep(Name name, String output, Expr condition, List<Assignment> assignments, Span span)
            implements SyntaxNode {
        public ScanStep {
            assignments = List.copyOf(assignments);
        }
    }

    /** {@code top-hitters n of column [by weight]}; by may be null. */
    record TopHitters(Expr count, Expr of, Expr by, Span span) implements TabularOperator {
    }

    /** {@code reduce [kind=..] by column [with threshold=t, characters=c]}. */
    record Reduce(List<Option> options, Expr by, List<Option> with, Span span) implements TabularOperator {
        public Reduce {
            options = List.copyOf(options);
            with = List.copyOf(with);
        }
    }

    /** {@code print [name =] expr, ...} (source only). */
    record Print(List<Assignment> columns, Span span) implements TabularOperator {
        public Print {
            columns = List.copyOf(columns);
        }
    }

    /** {@code range col from a to b step s} (source only). */
    record Range(Name column, Expr from, Expr to, Expr step, Span span) implements TabularOperator {
    }

    /** Placeholder for an operator that could not be parsed; a diagnostic was reported. */
    record Error(String text, Span span) implements TabularOperator {
    }
}
