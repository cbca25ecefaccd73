package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.Schema;
import io.egress.kql.engine.exec.JoinKind;
import io.egress.kql.engine.exec.JoinOperator;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.BinaryOp;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binds {@code join} and {@code lookup}. Join output: the left columns, then every right column, a right
 * name already taken getting the suffix 1 (2, ...) as Kusto does (so {@code on Key} yields Key and Key1);
 * semi/anti joins keep one side only. Lookup drops the right key columns.
 */
final class JoinBinder {
    private final Binder binder;

    JoinBinder(Binder binder) {
        this.binder = binder;
    }

    private record Keys(List<BoundExpr> left, List<BoundExpr> right, List<String> rightNames) {
    }

    PlanNode join(TabularOperator.Join j, PlanNode left, Env env) {
        PlanNode right = binder.bindTabular(j.right(), env);
        JoinKind kind = kind(j.kind(), JoinKind.INNERUNIQUE, j.span());
        Keys keys = keys(j.on(), left, right, j.span());
        List<Column> cols = new ArrayList<>();
        List<Integer> fromLeft = new ArrayList<>();
        List<Integer> fromRight = new ArrayList<>();
        if (!kind.rightOnly()) {
            for (int i = 0; i < left.schema().size(); i++) {
                cols.add(left.schema().column(i));
                fromLeft.add(i);
                fromRight.add(-1);
            }
        }
        if (!kind.leftOnly()) {
            List<String> taken = new ArrayList<>(cols.stream().map(Column::name).toList());
            for (int i = 0; i < right.schema().size(); i++) {
                Column c = right.schema().column(i);
                String name = Names.unique(c.name(), taken);
                taken.add(name);
                cols.add(new Column(name, c.type()));
                fromLeft.add(-1);
                fromRight.add(i);
            }
        }
        return new JoinOperator("Join", left, right, kind, keys.left(), keys.right(), new Schema(cols),
                toArray(fromLeft), toArray(fromRight));
    }

    PlanNode lookup(TabularOperator.Lookup l, PlanNode left, Env env) {
        PlanNode right = binder.bindTabular(l.right(), env);
        JoinKind kind = kind(l.kind(), JoinKind.LEFTOUTER, l.span());
        if (kind != JoinKind.LEFTOUTER && kind != JoinKind.INNER) {
            binder.report(BindDiagnostics.badArguments(l.span(), "lookup supports kind=leftouter or kind=inner"));
            kind = JoinKind.LEFTOUTER;
        }
        Keys keys = keys(l.on(), left, right, l.span());
        List<Column> cols = new ArrayList<>(left.schema().columns());
        List<Integer> fromLeft = new ArrayList<>();
        List<Integer> fromRight = new ArrayList<>();
        for (int i = 0; i < left.schema().size(); i++) {
            fromLeft.add(i);
            fromRight.add(-1);
        }
        List<String> taken = new ArrayList<>(left.schema().names());
        for (int i = 0; i < right.schema().size(); i++) {
            Column c = right.schema().column(i);
            if (keys.rightNames().contains(c.name())) {
                continue;
            }
            String name = Names.unique(c.name(), taken);
            taken.add(name);
            cols.add(new Column(name, c.type()));
            fromLeft.add(-1);
            fromRight.add(i);
        }
        return new JoinOperator("Lookup", left, right, kind, keys.left(), keys.right(), new Schema(cols),
                toArray(fromLeft), toArray(fromRight));
    }

    private JoinKind kind(String text, JoinKind defaultKind, Span span) {
        if (text == null) {
            return defaultKind;
        }
        return JoinKind.parse(text).orElseGet(() -> {
            binder.report(BindDiagnostics.badArguments(span, "unknown join kind '" + text + "'"));
            return defaultKind;
        });
    }

    private Keys keys(List<Expr> on, PlanNode leftNode, PlanNode rightNode, Span span) {
        Schema left = leftNode.schema();
        Schema right = rightNode.schema();
        boolean quiet = Binder.isPlaceholder(leftNode) || Binder.isPlaceholder(rightNode);
        List<Expr> flat = new ArrayList<>();
        for (Expr e : on) {
            flatten(e, flat);
        }
        List<BoundExpr> l = new ArrayList<>();
        List<BoundExpr> r = new ArrayList<>();
        List<String> rightNames = new ArrayList<>();
        for (Expr e : flat) {
            String leftName;
            String rightName;
            Span at = e.span();
            if (e instanceof Expr.NameRef n) {
                leftName = n.name().text();
                rightName = leftName;
            } else if (e instanceof Expr.Binary b && b.op() == BinaryOp.EQ
                    && side(b.left()) != null && side(b.right()) != null
                    && !side(b.left()).equals(side(b.right()))) {
                boolean leftFirst = side(b.left()).equals("$left");
                Expr.Member lm = (Expr.Member) (leftFirst ? b.left() : b.right());
                Expr.Member rm = (Expr.Member) (leftFirst ? b.right() : b.left());
                leftName = lm.member().text();
                rightName = rm.member().text();
            } else {
                binder.report(BindDiagnostics.unsupported(at, "this join condition (only equality of $left/$right"
                        + " columns or shared column names)"));
                continue;
            }
            int li = left.indexOf(leftName);
            int ri = right.indexOf(rightName);
            if (quiet) {
                continue;
            }
            if (li < 0) {
                binder.report(BindDiagnostics.unknownColumn(at, leftName + "' on the left side of the join",
                        left.names()));
            }
            if (ri < 0) {
                binder.report(BindDiagnostics.unknownColumn(at, rightName + "' on the right side of the join",
                        right.names()));
            }
            if (li < 0 || ri < 0) {
                continue;
            }
            Column lc = left.column(li);
            Column rc = right.column(ri);
            if (lc.type() != rc.type() && !(lc.type().isNumeric() && rc.type().isNumeric())) {
                binder.report(BindDiagnostics.typeMismatch(at, "join keys differ in type: " + lc + " and " + rc));
            }
            l.add(new BoundExpr.Column(li, lc.name(), lc.type()));
            r.add(new BoundExpr.Column(ri, rc.name(), rc.type()));
            rightNames.add(rightName);
        }
        if (flat.isEmpty()) {
            binder.report(BindDiagnostics.badArguments(span, "join needs 'on' keys"));
        }
        return new Keys(l, r, rightNames);
    }

    private static void flatten(Expr e, List<Expr> out) {
        while (e instanceof Expr.Parenthesized p) {
            e = p.inner();
        }
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.AND) {
            flatten(b.left(), out);
            flatten(b.right(), out);
        } else {
            out.add(e);
        }
    }

    private static String side(Expr e) {
        if (e instanceof Expr.Member m && m.target() instanceof Expr.NameRef n
                && (n.name().text().equals("$left") || n.name().text().equals("$right"))) {
            return n.name().text();
        }
        return null;
    }

    private static int[] toArray(List<Integer> list) {
        int[] out = new int[list.size()];
        Arrays.setAll(out, list::get);
        return out;
    }
}
