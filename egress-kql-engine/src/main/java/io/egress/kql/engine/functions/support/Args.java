package io.egress.kql.engine.functions.support;

import com.google.re2j.Pattern;
import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.operators.Regexes;
import java.util.List;
import java.util.Optional;

/** Bind-time helpers for constant arguments: regexes compiled once, type literals. */
public final class Args {
    private Args() {
    }

    public static Object constant(List<Object> constants, int i) {
        return constants == null || i >= constants.size() ? null : constants.get(i);
    }

    /** A regex argument: prepared now when constant, else compiled per distinct row value. */
    public interface RegexArg {
        Pattern get(Object[] args);

        /** The literal prefilter of a constant pattern (null: none, or the pattern varies per row). */
        default io.egress.kql.engine.functions.operators.RegexPrefilter prefilter() {
            return null;
        }
    }

    public static BindResult<RegexArg> regex(List<Object> constants, int i) {
        Object c = constant(constants, i);
        if (c == null) {
            return BindResult.bound(a -> Regexes.cached(Values.text(a[i])));
        }
        BindResult<Pattern> p = Regexes.compile(Values.text(c));
        if (p instanceof BindResult.Error<Pattern> e) {
            return BindResult.error(e.message());
        }
        Pattern pattern = ((BindResult.Bound<Pattern>) p).implementation();
        io.egress.kql.engine.functions.operators.RegexPrefilter prefilter =
                io.egress.kql.engine.functions.operators.RegexPrefilter.of(Values.text(c));
        return BindResult.bound(new RegexArg() {
            @Override
            public Pattern get(Object[] args) {
                return pattern;
            }

            @Override
            public io.egress.kql.engine.functions.operators.RegexPrefilter prefilter() {
                return prefilter;
            }
        });
    }

    /**
     * A type given as a constant argument (extract's {@code typeof(long)}): a {@link ScalarType}, or a
     * string naming the type ({@code "long"} or {@code "typeof(long)"}).
     */
    public static Optional<ScalarType> typeLiteral(Object constant) {
        if (constant instanceof ScalarType t) {
            return Optional.of(t);
        }
        if (constant instanceof String s) {
            String t = s.trim();
            if (t.startsWith("typeof(") && t.endsWith(")")) {
                t = t.substring(7, t.length() - 1).trim();
            }
            return ScalarType.fromName(t);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static <T> T value(BindResult<T> r) {
        return ((BindResult.Bound<T>) r).implementation();
    }

    public static <T, U> BindResult<U> error(BindResult<T> r) {
        return BindResult.error(((BindResult.Error<T>) r).message());
    }
}
