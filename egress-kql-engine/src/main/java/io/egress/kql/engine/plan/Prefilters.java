package io.egress.kql.engine.plan;

import io.egress.kql.engine.exec.FilterOperator;
import io.egress.kql.engine.exec.ScanOperator;
import io.egress.kql.engine.exec.SharedOperator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, for each scanned table, the row-local {@code where} filters stacked directly on each of its
 * scans (see {@code RowPrefilter}). A scan read by anything else than such a filter (or by several
 * consumers, or not reached from the plans) makes its table's prefilter "every row".
 */
public final class Prefilters {
    private final Map<PlanNode, List<PlanNode>> parents = new IdentityHashMap<>();
    private final Map<PlanNode, Boolean> seen = new IdentityHashMap<>();

    private Prefilters() {
    }

    /** Per table: the filter conjunctions, one per scan; a table absent from the map has no prefilter. */
    public static Map<String, List<List<BoundExpr>>> of(List<PlanNode> plans, Collection<ScanOperator> scans) {
        Prefilters p = new Prefilters();
        for (PlanNode plan : plans) {
            p.walk(plan);
        }
        Map<String, List<List<BoundExpr>>> byTable = new LinkedHashMap<>();
        Map<String, Boolean> unfiltered = new LinkedHashMap<>();
        for (ScanOperator scan : scans) {
            Optional<List<List<BoundExpr>>> chains = p.chains(scan);
            if (chains.isEmpty()) {
                unfiltered.put(scan.table(), true);
            } else {
                byTable.computeIfAbsent(scan.table(), t -> new ArrayList<>()).addAll(chains.get());
            }
        }
        unfiltered.keySet().forEach(byTable::remove);
        return byTable;
    }

    private void walk(PlanNode node) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        List<PlanNode> children = new ArrayList<>(node.inputs());
        children.addAll(node.subplans());
        for (PlanNode child : children) {
            parents.computeIfAbsent(child, c -> new ArrayList<>()).add(node);
            walk(child);
        }
    }

    /** The conjunctions under which some consumer of {@code node} needs a row; empty: every row. */
    private Optional<List<List<BoundExpr>>> chains(PlanNode node) {
        List<PlanNode> consumers = parents.get(node);
        if (consumers == null || consumers.isEmpty()) {
            return Optional.empty(); // a plan's output, or not reached
        }
        List<List<BoundExpr>> out = new ArrayList<>();
        for (PlanNode consumer : consumers) {
            if (consumer instanceof SharedOperator shared) {
                // a let read by several readers: a row is needed when one of its readers needs it
                Optional<List<List<BoundExpr>>> through = chains(shared);
                if (through.isEmpty()) {
                    return Optional.empty();
                }
                out.addAll(through.get());
                continue;
            }
            if (!(consumer instanceof FilterOperator f) || f.input() != node || !ExprRefs.rowLocal(f.predicate())) {
                return Optional.empty();
            }
            Optional<List<List<BoundExpr>>> above = chains(f);
            if (above.isEmpty()) {
                out.add(List.of(f.predicate()));
            } else {
                for (List<BoundExpr> chain : above.get()) {
                    List<BoundExpr> longer = new ArrayList<>();
                    longer.add(f.predicate());
                    longer.addAll(chain);
                    out.add(longer);
                }
            }
        }
        return Optional.of(out);
    }
}
