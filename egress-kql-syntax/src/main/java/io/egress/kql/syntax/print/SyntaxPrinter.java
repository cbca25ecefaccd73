package io.egress.kql.syntax.print;

import io.egress.kql.syntax.tree.Assignment;
import io.egress.kql.syntax.tree.ColumnDecl;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.LiteralKind;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.Option;
import io.egress.kql.syntax.tree.Script;
import io.egress.kql.syntax.tree.SortKey;
import io.egress.kql.syntax.tree.Statement;
import io.egress.kql.syntax.tree.SyntaxNode;
import io.egress.kql.syntax.tree.TabularOperator;
import io.egress.kql.syntax.tree.TypeSpec;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Renders a syntax tree back to KQL text in one canonical layout (pipes on new lines). Parsing the printed
 * text gives a tree that prints the same, which is how round trips are tested.
 */
public final class SyntaxPrinter {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\$left|\\$right");
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_*]*\\*[A-Za-z0-9_*]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "string", "int", "long", "real", "decimal",
            "dynamic", "datetime", "timespan", "time", "guid", "bool", "boolean", "double", "true", "false",
            "print", "range", "union", "find", "search", "evaluate", "datatable", "externaldata", "external_data",
            "typeof", "let", "set", "declare", "by", "on", "with", "of", "to", "from", "step", "asc", "desc",
            "nulls", "limit", "default", "between", "in", "has", "contains", "matches", "kind", "view", "hint",
            "containscs", "notcontains", "notcontainscs", "has_any", "has_all", "startswith", "endswith");

    final StringBuilder out = new StringBuilder();
    private final OperatorPrinter operators = new OperatorPrinter(this);

    private SyntaxPrinter() {
    }

    /** Prints a script, an expression, a statement or an operator. */
    public static String print(SyntaxNode node) {
        SyntaxPrinter p = new SyntaxPrinter();
        p.node(node);
        return p.out.toString();
    }

    void node(SyntaxNode node) {
        if (node instanceof Script s) {
            for (int i = 0; i < s.statements().size(); i++) {
                if (i > 0) {
                    out.append(";\n");
                }
                statement(s.statements().get(i));
            }
        } else if (node instanceof Statement st) {
            statement(st);
        } else if (node instanceof Expr e) {
            expr(e);
        } else if (node instanceof TabularOperator op) {
            operators.operator(op);
        } else {
            throw new IllegalArgumentException("cannot print " + node.getClass().getSimpleName());
        }
    }

    private void statement(Statement st) {
        if (st instanceof Statement.QueryStatement q) {
            expr(q.expr());
        } else if (st instanceof Statement.LetStatement let) {
            out.append("let ");
            name(let.name());
            out.append(" = ");
            letValue(let.value());
        } else if (st instanceof Statement.SetStatement set) {
            out.append("set ");
            name(set.name());
            if (set.value() != null) {
                out.append(" = ");
                expr(set.value());
            }
        } else if (st instanceof Statement.DeclareQueryParameters d) {
            out.append("declare query_parameters");
            params(d.params());
        } else if (st instanceof Statement.AliasStatement a) {
            out.append("alias database ");
            name(a.name());
            out.append(" = ");
            expr(a.value());
        } else if (st instanceof Statement.RestrictStatement r) {
            out.append("restrict access to (");
            list(r.entities(), this::leg);
            out.append(')');
        } else if (st instanceof Statement.CommandStatement c) {
            out.append(c.text());
        }
    }

    private void letValue(Statement.LetValue value) {
        if (value instanceof Statement.ExprValue e) {
            expr(e.expr());
        } else if (value instanceof Statement.FunctionDecl f) {
            params(f.params());
            out.append(' ');
            block(f.body());
        } else if (value instanceof Statement.ViewDecl v) {
            out.append("view ");
            params(v.params());
            out.append(' ');
            block(v.body());
        }
    }

    private void params(List<Statement.Param> params) {
        out.append('(');
        list(params, p -> {
            name(p.name());
            out.append(':');
            typeSpec(p.type());
            if (p.defaultValue() != null) {
                out.append(" = ");
                expr(p.defaultValue());
            }
        });
        out.append(')');
    }

    void typeSpec(TypeSpec t) {
        if (!t.isTabular()) {
            out.append(t.scalar());
            return;
        }
        out.append('(');
        list(t.columns(), this::columnDecl);
        if (t.openSchema()) {
            out.append(t.columns().isEmpty() ? "*" : ", *");
        }
        out.append(')');
    }

    private void block(Statement.Block block) {
        out.append("{\n");
        for (Statement st : block.statements()) {
            statement(st);
            out.append(";\n");
        }
        out.append('}');
    }

    void columnDecl(ColumnDecl c) {
        name(c.name());
        out.append(':').append(c.type());
    }

    void schema(List<ColumnDecl> columns) {
        out.append('(');
        list(columns, this::columnDecl);
        out.append(')');
    }

    // ---- expressions ---------------------------------------------------------------------------

    void expr(Expr e) {
        if (e instanceof Expr.NameRef n) {
            name(n.name());
        } else if (e instanceof Expr.Literal l) {
            literal(l);
        } else if (e instanceof Expr.DynamicLiteral d) {
            out.append("dynamic(").append(d.jsonText()).append(')');
        } else if (e instanceof Expr.TypedNull n) {
            out.append(n.type()).append("(null)");
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            out.append(b.op().spelling().equals(":") ? ":" : " " + b.op().spelling() + " ");
            expr(b.right());
        } else if (e instanceof Expr.Unary u) {
            out.append(u.op());
            expr(u.operand());
        } else if (e instanceof Expr.Between b) {
            expr(b.value());
            out.append(b.negated() ? " !between (" : " between (");
            expr(b.low());
            out.append(" .. ");
            expr(b.high());
            out.append(')');
        } else if (e instanceof Expr.Call c) {
            out.append(c.function().text()).append('(');
            list(c.args(), this::expr);
            out.append(')');
        } else if (e instanceof Expr.NamedArg n) {
            name(n.name());
            out.append(" = ");
            expr(n.value());
        } else if (e instanceof Expr.Member m) {
            expr(m.target());
            out.append('.');
            memberName(m.member());
        } else if (e instanceof Expr.MemberCall m) {
            expr(m.target());
            out.append('.').append(m.method().text()).append('(');
            list(m.args(), this::expr);
            out.append(')');
        } else if (e instanceof Expr.Index i) {
            expr(i.target());
            out.append('[');
            expr(i.index());
            out.append(']');
        } else {
            exprMore(e);
        }
    }

    private void exprMore(Expr e) {
        if (e instanceof Expr.ListExpr l) {
            out.append('(');
            list(l.items(), this::expr);
            out.append(")");
        } else if (e instanceof Expr.Parenthesized p) {
            out.append('(');
            expr(p.inner());
            out.append(')');
        } else if (e instanceof Expr.Star) {
            out.append('*');
        } else if (e instanceof Expr.TypeOf t) {
            out.append("typeof(").append(t.type()).append(')');
        } else if (e instanceof Expr.Pipe p) {
            expr(p.source());
            if (!(p.source() instanceof Expr.InputRef)) {
                out.append("\n| ");
            }
            operators.operator(p.op());
        } else if (e instanceof Expr.InputRef) {
            // nothing: the sub-query starts with its first operator
        } else if (e instanceof Expr.Source s) {
            operators.operator(s.op());
        } else if (e instanceof Expr.Datatable d) {
            out.append("datatable");
            schema(d.schema());
            out.append(" [");
            list(d.values(), this::expr);
            out.append(']');
        } else if (e instanceof Expr.ExternalData x) {
            out.append("externaldata");
            schema(x.schema());
            out.append(" [");
            list(x.uris(), this::expr);
            out.append(']');
            if (!x.options().isEmpty()) {
                out.append(" with ");
                optionList(x.options());
            }
        } else if (e instanceof Expr.Error) {
            out.append("<error>");
        } else {
            throw new IllegalArgumentException("cannot print " + e.getClass().getSimpleName());
        }
    }

    private void literal(Expr.Literal l) {
        if (l.kind() == LiteralKind.STRING) {
            quote((String) l.value());
        } else {
            out.append(l.text());
        }
    }

    void quote(String value) {
        quote(value, '"');
    }

    private void quote(String value, char delimiter) {
        out.append(delimiter);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == delimiter) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == '\u2028' || c == '\u0085' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(delimiter);
    }

    /** A name, escaped as ['...'] unless it is a plain identifier that is not a keyword. */
    void name(Name name) {
        String text = name.text();
        if (IDENTIFIER.matcher(text).matches() && !KEYWORDS.contains(text)) {
            out.append(text);
        } else {
            escapedName(text);
        }
    }

    /** A union, find or restrict leg: names and members may be patterns such as {@code Device*}. */
    void leg(Expr leg) {
        if (leg instanceof Expr.NameRef n) {
            pattern(n.name());
        } else {
            expr(leg);
        }
    }

    private void memberName(Name name) {
        if (name.text().contains("*") && NAME_PATTERN.matcher(name.text()).matches()) {
            out.append(name.text());
        } else if (IDENTIFIER.matcher(name.text()).matches()) {
            out.append(name.text());
        } else {
            escapedName(name.text());
        }
    }

    private void escapedName(String text) {
        out.append('[');
        quote(text, '\'');
        out.append(']');
    }

    /** A column pattern such as {@code Account*}: raw when it is made of name characters and stars. */
    void pattern(Name name) {
        if (NAME_PATTERN.matcher(name.text()).matches() && !name.text().matches("[0-9].*")) {
            out.append(name.text());
        } else {
            name(name);
        }
    }

    void assignment(Assignment a) {
        if (a.names().size() == 1) {
            name(a.names().get(0));
            out.append(" = ");
        } else if (a.names().size() > 1) {
            out.append('(');
            list(a.names(), this::name);
            out.append(") = ");
        }
        expr(a.value());
    }

    void option(Option o) {
        out.append(o.key()).append('=');
        expr(o.value());
    }

    void optionList(List<Option> options) {
        out.append('(');
        list(options, o -> {
            out.append(o.key()).append(" = ");
            if (o.value() instanceof Expr.ListExpr l) {
                list(l.items(), this::expr);
            } else {
                expr(o.value());
            }
        });
        out.append(')');
    }

    void options(List<Option> options) {
        for (Option o : options) {
            option(o);
            out.append(' ');
        }
    }

    void sortKey(SortKey k) {
        expr(k.expr());
        if (k.direction() != null) {
            out.append(' ').append(k.direction());
        }
        if (k.nulls() != null) {
            out.append(" nulls ").append(k.nulls());
        }
    }

    <T> void list(List<T> items, Consumer<T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            each.accept(items.get(i));
        }
    }
}
