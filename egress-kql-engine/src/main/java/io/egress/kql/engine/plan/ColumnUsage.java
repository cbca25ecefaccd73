package io.egress.kql.engine.plan;

import io.egress.kql.engine.exec.ScanOperator;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projection pushdown: which columns of each catalog table a set of plans can read. Walks from each
 * plan's output (every output column needed) down to the scans, asking each operator which input
 * columns it reads for the columns needed above it ({@link PlanNode#inputColumns}). Plans evaluated
 * inside expressions ({@code toscalar}, {@code in (query)}) need all their output columns. A scan the
 * walk never reaches (one inside an operator that does not list its sub-plans) needs all its columns,
 * so the answer is conservative: a column missing from it is never read.
 */
public final class ColumnUsage {
    private final Map<PlanNode, Set<String>> needs = new IdentityHashMap<>();
    private final Map<String, Set<String>> byTable = new LinkedHashMap<>();

    private ColumnUsage() {
    }

    /**
     * The columns of each table the plans read. {@code scans} are every scan the binder created (a scan
     * missing from the plans' reach counts as reading everything); {@code tables} are the tables the query
     * names, each present in the answer (possibly with no column, e.g. {@code T | count}).
     */
    public static Map<String, Set<String>> of(List<PlanNode> plans, Collection<ScanOperator> scans,
                                              Collection<String> tables) {
        ColumnUsage usage = new ColumnUsage();
        for (String t : tables) {
            usage.byTable.put(t, new LinkedHashSet<>());
        }
        for (PlanNode plan : plans) {
            usage.visit(plan, new LinkedHashSet<>(plan.schema().names()));
        }
        for (ScanOperator scan : scans) {
            if (!usage.needs.containsKey(scan)) {
                usage.visit(scan, new LinkedHashSet<>(scan.schema().names()));
            }
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        usage.byTable.forEach((table, columns) -> {
            // keep the table's own column order
            Set<String> ordered = new LinkedHashSet<>();
            for (PlanNode scan : usage.needs.keySet()) {
                if (scan instanceof ScanOperator s && s.table().equals(table)) {
                    s.schema().names().stream().filter(columns::contains).forEach(ordered::add);
                }
            }
            out.put(table, java.util.Collections.unmodifiableSet(ordered));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private void visit(PlanNode node, Set<String> needed) {
        Set<String> known = needs.get(node);
        if (known != null && known.containsAll(needed)) {
            return;
        }
        Set<String> merged = known == null ? new LinkedHashSet<>() : known;
        merged.addAll(needed);
        needs.put(node, merged);
        if (node instanceof ScanOperator scan) {
            Set<String> columns = byTable.computeIfAbsent(scan.table(), t -> new LinkedHashSet<>());
            for (String name : merged) {
                if (scan.schema().indexOf(name) >= 0) {
                    columns.add(name);
                }
            }
            return;
        }
        List<PlanNode> inputs = node.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            visit(inputs.get(i), new LinkedHashSet<>(node.inputColumns(i, merged)));
        }
        for (PlanNode sub : node.subplans()) {
            visit(sub, new LinkedHashSet<>(sub.schema().names()));
        }
    }
}
