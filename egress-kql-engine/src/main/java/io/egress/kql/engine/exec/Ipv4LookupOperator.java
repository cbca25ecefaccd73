package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.functions.ip.Ipv4;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code evaluate ipv4_lookup(Lookup, SourceIp, LookupKey [, return_unmatched])}: each input row gets the
 * columns of the lookup row whose IPv4 address or CIDR range (the lookup key) contains the row's address;
 * the most specific range wins. Rows without a match are dropped, or kept with empty lookup columns when
 * {@code returnUnmatched}. Output: the input columns, then the lookup columns.
 */
public final class Ipv4LookupOperator implements PlanNode {
    private final PlanNode input;
    private final PlanNode lookup;
    private final BoundExpr sourceKey;
    private final int lookupKey;
    private final boolean returnUnmatched;
    private final Schema schema;
    private final RowExpr source;

    public Ipv4LookupOperator(PlanNode input, PlanNode lookup, BoundExpr sourceKey, int lookupKey,
                              boolean returnUnmatched, Schema schema) {
        this.input = input;
        this.lookup = lookup;
        this.sourceKey = sourceKey;
        this.lookupKey = lookupKey;
        this.returnUnmatched = returnUnmatched;
        this.schema = schema;
        this.source = ExprCompiler.compile(sourceKey);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input, lookup);
    }

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public String describe() {
        return "Ipv4Lookup " + sourceKey + " in lookup column " + lookupKey + (returnUnmatched ? " (return unmatched)" : "");
    }

    private record Range(Ipv4 net, Object[] row) {
    }

    @Override
    public RowSource open(ExecContext ctx) {
        List<Range> ranges = new ArrayList<>();
        RowSource l = lookup.open(ctx);
        for (Object[] row = l.next(); row != null; row = l.next()) {
            Ipv4 net = row[lookupKey] == null ? null : Ipv4.parse(String.valueOf(row[lookupKey]));
            if (net != null) {
                ranges.add(new Range(net, row));
            }
        }
        ranges.sort(Comparator.comparingInt((Range r) -> r.net().prefix()).reversed());
        int inWidth = input.schema().size();
        int lookupWidth = lookup.schema().size();
        RowSource in = input.open(ctx);
        return () -> {
            for (Object[] row = in.next(); row != null; row = in.next()) {
                Object ip = source.eval(row, ctx);
                Ipv4 address = ip == null ? null : Ipv4.parse(String.valueOf(ip));
                Object[] match = null;
                if (address != null && address.prefix() == 32) {
                    for (Range r : ranges) {
                        if (r.net().contains(address.address())) {
                            match = r.row();
                            break;
                        }
                    }
                }
                if (match == null && !returnUnmatched) {
                    continue;
                }
                Object[] out = new Object[inWidth + lookupWidth];
                System.arraycopy(row, 0, out, 0, inWidth);
                if (match != null) {
                    System.arraycopy(match, 0, out, inWidth, lookupWidth);
                }
                return out;
            }
            return null;
        };
    }
}
