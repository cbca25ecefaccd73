package io.egress.kql.engine.plan;

import java.util.IdentityHashMap;
import java.util.Map;

/** Prints a plan as an indented tree: the bound view (arguments and schemas) and the physical view. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String bound(PlanNode root) {
        StringBuilder sb = new StringBuilder();
        walk(root, 0, sb, true, new IdentityHashMap<>());
        return sb.toString();
    }

    public static String physical(PlanNode root) {
        StringBuilder sb = new StringBuilder();
        walk(root, 0, sb, false, new IdentityHashMap<>());
        return sb.toString();
    }

    /** The schema, shortened for wide tables: the first columns and a count of the rest. */
    private static String schemaText(io.egress.data.Schema schema) {
        int shown = 12;
        if (schema.size() <= shown + 2) {
            return schema.toString();
        }
        return new io.egress.data.Schema(schema.columns().subList(0, shown)) + ", ... " + (schema.size() - shown)
                + " more";
    }

    private static void walk(PlanNode node, int depth, StringBuilder sb, boolean bound, Map<PlanNode, Integer> seen) {
        sb.append("  ".repeat(depth));
        Integer id = seen.get(node);
        if (id != null) {
            sb.append("(shared #").append(id).append(")\n");
            return;
        }
        if (!node.inputs().isEmpty()) {
            seen.put(node, seen.size() + 1);
        }
        if (bound) {
            sb.append(node.describe()).append("  :: (").append(schemaText(node.schema())).append(")\n");
        } else {
            sb.append(node.getClass().getSimpleName()).append(node.streaming() ? " [streaming]" : " [blocking]")
                    .append('\n');
        }
        for (PlanNode in : node.inputs()) {
            walk(in, depth + 1, sb, bound, seen);
        }
    }
}
