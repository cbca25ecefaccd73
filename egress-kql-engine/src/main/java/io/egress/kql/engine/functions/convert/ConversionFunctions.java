package io.egress.kql.engine.functions.convert;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.util.List;

/**
 * Conversions: tostring, toint, tolong, toreal/todouble, todecimal, tobool/toboolean, todatetime,
 * totimespan/totime, toguid, todynamic/parse_json/toobject. A value that cannot be converted gives null.
 */
public final class ConversionFunctions {
    private ConversionFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        b.add(to("tostring", ScalarType.STRING));
        b.add(to("toint", ScalarType.INT));
        b.add(to("tolong", ScalarType.LONG));
        Fn toreal = to("toreal", ScalarType.REAL);
        b.add(toreal).alias("todouble", toreal);
        b.add(to("todecimal", ScalarType.DECIMAL));
        Fn tobool = to("tobool", ScalarType.BOOL);
        b.add(tobool).alias("toboolean", tobool);
        b.add(to("todatetime", ScalarType.DATETIME));
        Fn totimespan = to("totimespan", ScalarType.TIMESPAN);
        b.add(totimespan).alias("totime", totimespan);
        b.add(to("toguid", ScalarType.GUID));
        Fn todynamic = Fn.simple("todynamic", ScalarType.DYNAMIC, 1, 1, a -> Values.toDynamic(a[0]),
                "todynamic(scalar) -> dynamic");
        b.add(todynamic).alias("parse_json", todynamic).alias("toobject", todynamic).alias("parsejson", todynamic);
    }

    private static Fn to(String name, ScalarType target) {
        return new Fn(name, List.of(name + "(scalar) -> " + target), (t, c) -> {
            String err = Fn.arity(name, t.size(), 1, 1);
            if (err != null) {
                return BindResult.error(err);
            }
            return BindResult.bound(Fn.pure(target, a -> {
                // tostring of a dynamic string gives its text without quotes (ValueFormat does this);
                // toint/tolong of a real truncate toward zero.
                return Values.coerce(target, a[0]);
            }));
        });
    }
}
