package io.egress.kql.engine.functions.operators;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.Values;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RE2 regexes (Kusto uses RE2 syntax). Constant patterns compile at bind time; a pattern that varies
 * per row is compiled once per distinct text and cached.
 */
public final class Regexes {
    private static final int CACHE_LIMIT = 1000;
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /** The compiled pattern, or a bind error carrying RE2's message. */
    public static BindResult<Pattern> compile(String regex) {
        try {
            return BindResult.bound(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return BindResult.error("invalid regular expression: " + e.getMessage());
        }
    }

    /** Per-row compile with a bounded cache; null for an invalid pattern. */
    public static Pattern cached(String regex) {
        Pattern p = CACHE.get(regex);
        if (p != null) {
            return p;
        }
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(regex, p);
        return p;
    }

    static BindResult<BoundScalar> bindMatches(ScalarType right, Object constant) {
        if (right != ScalarType.STRING && right != ScalarType.DYNAMIC) {
            return BindResult.error("'matches regex' expects a string pattern, got " + right);
        }
        if (constant != null) {
            BindResult<Pattern> p = compile(Values.text(constant));
            if (p instanceof BindResult.Error<Pattern> e) {
                return BindResult.error(e.message());
            }
            Pattern pattern = ((BindResult.Bound<Pattern>) p).implementation();
            ClassSequence sequence = ClassSequence.of(Values.text(constant));
            RegexPrefilter prefilter = RegexPrefilter.of(Values.text(constant));
            if (sequence != null) {
                return BindResult.bound(Fn.pure(ScalarType.BOOL, a -> {
                    String text = Values.text(a[0]);
                    if (prefilter != null && !prefilter.mayMatch(text)) {
                        return false;
                    }
                    return sequence.defersTo(text) ? pattern.matcher(text).find() : sequence.find(text);
                }));
            }
            if (prefilter != null) {
                return BindResult.bound(Fn.pure(ScalarType.BOOL, a -> {
                    String text = Values.text(a[0]);
                    return prefilter.mayMatch(text) && pattern.matcher(text).find();
                }));
            }
            return BindResult.bound(Fn.pure(ScalarType.BOOL, a -> pattern.matcher(Values.text(a[0])).find()));
        }
        return BindResult.bound(Fn.pure(ScalarType.BOOL, a -> {
            Pattern p = cached(Values.text(a[1]));
            return p == null ? null : p.matcher(Values.text(a[0])).find();
        }));
    }
}
