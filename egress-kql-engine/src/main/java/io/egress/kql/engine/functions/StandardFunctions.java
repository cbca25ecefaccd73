package io.egress.kql.engine.functions;

import io.egress.kql.engine.functions.aggregates.AggregateFunctions;
import io.egress.kql.engine.functions.convert.ConversionFunctions;
import io.egress.kql.engine.functions.datetime.DateTimeFunctions;
import io.egress.kql.engine.functions.dynamic.DynamicFunctions;
import io.egress.kql.engine.functions.general.GeneralFunctions;
import io.egress.kql.engine.functions.general.HashFunctions;
import io.egress.kql.engine.functions.ip.IpFunctions;
import io.egress.kql.engine.functions.math.BitAndTrigFunctions;
import io.egress.kql.engine.functions.math.MathFunctions;
import io.egress.kql.engine.functions.operators.StandardOperators;
import io.egress.kql.engine.functions.strings.MoreStringFunctions;
import io.egress.kql.engine.functions.strings.StringFunctions;
import io.egress.kql.engine.functions.support.MapRegistry;

/** The built-in Kusto functions, aggregations and operators, as one immutable registry. */
public final class StandardFunctions {
    private static final FunctionRegistry REGISTRY = build();

    private StandardFunctions() {
    }

    public static FunctionRegistry registry() {
        return REGISTRY;
    }

    private static FunctionRegistry build() {
        MapRegistry.Builder b = new MapRegistry.Builder();
        GeneralFunctions.register(b);
        ConversionFunctions.register(b);
        StringFunctions.register(b);
        DateTimeFunctions.register(b);
        MathFunctions.register(b);
        BitAndTrigFunctions.register(b);
        MoreStringFunctions.register(b);
        HashFunctions.register(b);
        DynamicFunctions.register(b);
        IpFunctions.register(b);
        AggregateFunctions.register(b);
        return b.build(StandardOperators.INSTANCE);
    }
}
