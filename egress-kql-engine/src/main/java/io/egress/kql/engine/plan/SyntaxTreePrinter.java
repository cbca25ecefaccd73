package io.egress.kql.engine.plan;

import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.SyntaxNode;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Prints any syntax tree (records) as an indented outline, one node per line, with its span. */
public final class SyntaxTreePrinter {
    private SyntaxTreePrinter() {
    }

    public static String print(SyntaxNode root) {
        StringBuilder sb = new StringBuilder();
        node(root, 0, sb, null);
        return sb.toString();
    }

    private static void node(Object value, int depth, StringBuilder sb, String label) {
        sb.append("  ".repeat(depth));
        if (label != null) {
            sb.append(label).append(": ");
        }
        if (!(value instanceof Record r)) {
            sb.append(value).append('\n');
            return;
        }
        Class<?> type = r.getClass();
        String name = type.getEnclosingClass() != null
                ? type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName() : type.getSimpleName();
        sb.append(name);
        StringBuilder children = new StringBuilder();
        for (RecordComponent c : type.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof Span s) {
                if (c.getName().equals("span")) {
                    sb.append(" @").append(s);
                }
            } else if (v instanceof SyntaxNode) {
                node(v, depth + 1, children, c.getName());
            } else if (v instanceof List<?> list) {
                if (list.isEmpty()) {
                    continue;
                }
                if (list.get(0) instanceof SyntaxNode) {
                    for (Object item : list) {
                        node(item, depth + 1, children, c.getName());
                    }
                } else {
                    sb.append(' ').append(c.getName()).append('=').append(list);
                }
            } else if (v != null) {
                String text = String.valueOf(v);
                sb.append(' ').append(c.getName()).append('=').append(v instanceof String ? '"' + text + '"' : text);
            }
        }
        sb.append('\n').append(children);
    }
}
