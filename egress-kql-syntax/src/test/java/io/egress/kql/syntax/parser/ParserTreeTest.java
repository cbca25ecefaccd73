package io.egress.kql.syntax.parser;

import static io.egress.kql.syntax.Parsing.firstStatement;
import static io.egress.kql.syntax.Parsing.lastOperator;
import static io.egress.kql.syntax.Parsing.ok;
import static io.egress.kql.syntax.Parsing.query;
import static io.egress.kql.syntax.Parsing.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.print.SyntaxPrinter;
import io.egress.kql.syntax.tree.BinaryOp;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Statement;
import io.egress.kql.syntax.tree.TabularOperator;
import org.junit.jupiter.api.Test;

/** The shape of the tree for the constructs the engine relies on. */
class ParserTreeTest {

    @Test
    void precedenceOfAndOrComparisonArithmetic() {
        Expr e = scalar("a or b and c == 1 + 2 * 3");
        assertThat(e).isInstanceOfSatisfying(Expr.Binary.class, or -> {
            assertThat(or.op()).isEqualTo(BinaryOp.OR);
            Expr.Binary and = (Expr.Binary) or.right();
            assertThat(and.op()).isEqualTo(BinaryOp.AND);
            Expr.Binary eq = (Expr.Binary) and.right();
            assertThat(eq.op()).isEqualTo(BinaryOp.EQ);
            Expr.Binary plus = (Expr.Binary) eq.right();
            assertThat(plus.op()).isEqualTo(BinaryOp.PLUS);
            assertThat(((Expr.Binary) plus.right()).op()).isEqualTo(BinaryOp.MUL);
        });
    }

    @Test
    void stringOperatorsAsSpelled() {
        for (String op : new String[] {"has", "!has", "has_cs", "contains", "!contains_cs", "startswith", "=~", "!~",
            "endswith_cs", "hasprefix", "!hassuffix", "matches regex"}) {
            Expr.Binary b = (Expr.Binary) scalar("x " + op + " 'a'");
            assertThat(b.op().spelling()).isEqualTo(op);
        }
        assertThat(((Expr.Binary) scalar("x notcontains 'a'")).op()).isEqualTo(BinaryOp.NOT_CONTAINS);
    }

    @Test
    void listOperators() {
        Expr.Binary in = (Expr.Binary) scalar("x !in~ ('a', 'b')");
        assertThat(in.op()).isEqualTo(BinaryOp.NOT_IN_CI);
        assertThat(((Expr.ListExpr) in.right()).items()).hasSize(2);
        Expr.Binary sub = (Expr.Binary) scalar("x in (T | project y)");
        assertThat(((Expr.ListExpr) sub.right()).items().get(0)).isInstanceOf(Expr.Pipe.class);
        Expr.Between between = (Expr.Between) scalar("x !between (1 .. 5)");
        assertThat(between.negated()).isTrue();
    }

    @Test
    void joinWithKindHintsAndKeys() {
        var join = (TabularOperator.Join) lastOperator(
                "T | join kind=leftouter hint.strategy=broadcast (U | take 1) on $left.a == $right.b, c");
        assertThat(join.kind()).isEqualTo("leftouter");
        assertThat(join.options()).singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("hint.strategy"));
        assertThat(join.right()).isInstanceOf(Expr.Parenthesized.class);
        assertThat(join.on()).hasSize(2);
        Expr.Binary key = (Expr.Binary) join.on().get(0);
        assertThat(((Expr.Member) key.left()).target()).isInstanceOfSatisfying(Expr.NameRef.class,
                n -> assertThat(n.name().text()).isEqualTo("$left"));
        assertThat(((TabularOperator.Join) lastOperator("T | join U on x")).kind()).isNull();
    }

    @Test
    void summarizeWithNamesAndBy() {
        var s = (TabularOperator.Summarize) lastOperator(
                "T | summarize arg_max(Timestamp, *), n = count() by Dev, bin(Timestamp, 1h)");
        assertThat(s.aggregates()).hasSize(2);
        assertThat(((Expr.Call) s.aggregates().get(0).value()).args().get(1)).isInstanceOf(Expr.Star.class);
        assertThat(s.aggregates().get(1).names()).extracting(n -> n.text()).containsExactly("n");
        assertThat(s.by()).hasSize(2);
    }

    @Test
    void userFunctionWithScalarTabularAndDefaultParameters() {
        var let = (Statement.LetStatement) firstStatement(
                "let f = (T:(*), U:(a:string, b:long), s:string, n:int = 5) { T | take n }; f(X, Y, 'a')");
        var fn = (Statement.FunctionDecl) let.value();
        assertThat(fn.params()).extracting(p -> p.name().text()).containsExactly("T", "U", "s", "n");
        assertThat(fn.params().get(0).type().isTabular()).isTrue();
        assertThat(fn.params().get(0).type().openSchema()).isTrue();
        assertThat(fn.params().get(1).type().columns()).extracting(c -> c.type()).containsExactly("string", "long");
        assertThat(fn.params().get(3).defaultValue()).isInstanceOf(Expr.Literal.class);
        assertThat(fn.body().statements()).hasSize(1);
    }

    @Test
    void letValuesAndStatements() {
        var r = ok("set notruncation;\nlet x = materialize(T | take 1);\nlet y = toscalar(x | count);\n"
                + "declare query_parameters(p:string = 'a');\nx | where c > y");
        assertThat(r.script().statements()).hasSize(5);
        assertThat(r.script().statements().get(0)).isInstanceOf(Statement.SetStatement.class);
        var x = (Statement.ExprValue) ((Statement.LetStatement) r.script().statements().get(1)).value();
        assertThat(((Expr.Call) x.expr()).is("materialize")).isTrue();
        assertThat(r.script().queries()).hasSize(1);
    }

    @Test
    void managementCommandIsKeptAsText() {
        var st = firstStatement(".show tables | where x");
        assertThat(st).isInstanceOfSatisfying(Statement.CommandStatement.class,
                c -> assertThat(c.text()).isEqualTo(".show tables | where x"));
    }

    @Test
    void sourcesWithoutInput() {
        assertThat(query("union T, U | count")).isInstanceOfSatisfying(Expr.Pipe.class,
                p -> assertThat(((Expr.Source) p.source()).op()).isInstanceOf(TabularOperator.Union.class));
        assertThat(((Expr.Source) query("range i from 1 to 3 step 1")).op()).isInstanceOf(TabularOperator.Range.class);
        var data = (Expr.Datatable) query("datatable(a:string, b:long) ['x', 1]");
        assertThat(data.schema()).hasSize(2);
        assertThat(data.values()).hasSize(2);
        var ext = (Expr.ExternalData) query("externaldata(u:string) [@'https://x/a.csv'] with (format='csv')");
        assertThat(ext.options()).singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("format"));
    }

    @Test
    void mvExpandParseAndMvApply() {
        var mv = (TabularOperator.MvExpand) lastOperator("T | mv-expand bagexpansion=array x to typeof(long) limit 5");
        assertThat(mv.items().get(0).toType()).isEqualTo("long");
        assertThat(mv.limit()).isNotNull();
        assertThat(((TabularOperator.MvExpand) lastOperator("T | mvexpand x")).items()).hasSize(1);
        var parse = (TabularOperator.Parse) lastOperator("T | parse kind=regex C with * 'u=' User:string ';' *");
        assertThat(parse.kind()).isEqualTo("regex");
        assertThat(parse.pattern()).hasSize(5);
        assertThat(parse.pattern().get(2)).isInstanceOfSatisfying(TabularOperator.ParseColumn.class,
                c -> assertThat(c.type()).isEqualTo("string"));
        var apply = (TabularOperator.MvApply) lastOperator("T | mv-apply e = E on (where e > 1 | take 1)");
        assertThat(apply.subquery()).isInstanceOfSatisfying(Expr.Pipe.class,
                p -> assertThat(((Expr.Pipe) p.source()).source()).isInstanceOf(Expr.InputRef.class));
    }

    @Test
    void whereStarAndSearchColumnTerm() {
        var where = (TabularOperator.Where) lastOperator("T | where * has 'x'");
        assertThat(((Expr.Binary) where.predicate()).left()).isInstanceOf(Expr.Star.class);
        var search = (TabularOperator.Search) ((Expr.Source) query("search in (T) Col:'v' and 'w'")).op();
        assertThat(search.tables()).hasSize(1);
        assertThat(((Expr.Binary) ((Expr.Binary) search.predicate()).left()).op()).isEqualTo(BinaryOp.SEARCH_HAS);
    }

    @Test
    void renderTopAndSort() {
        var render = (TabularOperator.Render) lastOperator("T | render timechart with (title='t', ycolumns=a, b)");
        assertThat(render.chart()).isEqualTo("timechart");
        assertThat(render.properties()).hasSize(2);
        var top = (TabularOperator.Top) lastOperator("T | top 5 by x asc nulls first");
        assertThat(top.by().direction()).isEqualTo("asc");
        assertThat(top.by().nulls()).isEqualTo("first");
        var sort = (TabularOperator.Sort) lastOperator("T | order by a, b asc");
        assertThat(sort.keys()).extracting(k -> k.descending()).containsExactly(true, false);
    }

    @Test
    void spansCoverTheirSource() {
        String text = "T | where Name == 'x' | project Name";
        var r = ok(text);
        Expr.Pipe pipe = (Expr.Pipe) r.script().queries().get(0).expr();
        assertThat(r.source().slice(pipe.op().span())).isEqualTo("project Name");
        assertThat(r.source().slice(((Expr.Pipe) pipe.source()).op().span())).isEqualTo("where Name == 'x'");
        assertThat(r.source().slice(pipe.span())).isEqualTo(text);
    }

    @Test
    void printerShowsPipelinesOnePerLine() {
        assertThat(SyntaxPrinter.print(ok("T|where a==1|take 5").script())).isEqualTo("T\n| where a == 1\n| take 5");
    }
}
