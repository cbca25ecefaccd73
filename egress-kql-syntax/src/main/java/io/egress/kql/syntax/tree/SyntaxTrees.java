package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Utilities over whole trees. */
public final class SyntaxTrees {
    private SyntaxTrees() {
    }

    /**
     * Structural equality ignoring spans and the source spelling of string literals (their decoded values
     * are compared instead), so {@code @"a\b"} equals {@code "a\\b"}.
     */
    public static boolean equalIgnoringSpans(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof Span) {
            return true;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!equalIgnoringSpans(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Expr.Literal x && x.kind() == LiteralKind.STRING) {
            Expr.Literal y = (Expr.Literal) b;
            return y.kind() == LiteralKind.STRING && x.value().equals(y.value());
        }
        if (!a.getClass().isRecord()) {
            return a.equals(b);
        }
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            if (!equalIgnoringSpans(get(c, a), get(c, b))) {
                return false;
            }
        }
        return true;
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
