package io.egress.sigma.compile;

import com.google.re2j.PatternSyntaxException;
import io.egress.data.ScalarType;
import io.egress.sigma.Problem;
import io.egress.sigma.compile.StringMatcher.Mode;
import io.egress.sigma.mapping.FieldTarget;
import io.egress.sigma.model.FieldMatch;
import io.egress.sigma.model.Modifier;
import io.egress.sigma.model.SigmaValue;
import io.egress.sigma.model.SigmaValue.Chunk;
import io.egress.sigma.model.SigmaValue.SigmaString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Compiles one {@code field|modifiers: values} entry (or a keyword list) to a {@link Pred}. */
final class FieldCompiler {
    private static final Set<Modifier> NUMERIC = EnumSet.of(Modifier.LT, Modifier.LTE, Modifier.GT, Modifier.GTE);
    private static final Set<Modifier> TIME = EnumSet.of(Modifier.MINUTE, Modifier.HOUR, Modifier.DAY,
            Modifier.WEEK, Modifier.MONTH, Modifier.YEAR);
    private static final Set<Modifier> KEYWORD_MODIFIERS = EnumSet.of(Modifier.ALL, Modifier.CASED,
            Modifier.WINDASH, Modifier.CONTAINS, Modifier.BASE64, Modifier.BASE64OFFSET,
            Modifier.UTF16, Modifier.UTF16LE, Modifier.UTF16BE, Modifier.WIDE);

    private final RuleContext context;

    FieldCompiler(RuleContext context) {
        this.context = context;
    }

    Pred compile(FieldMatch match) {
        if (match.has(Modifier.EXPAND)) {
            return fail(Problem.unsupported("`" + match.key() + "`: the expand modifier needs placeholder values, "
                    + "and Egress has no placeholder configuration"));
        }
        if (match.has(Modifier.ALL) && match.values().size() == 1 && match.field() != null) {
            return fail(Problem.invalid("`" + match.key() + "`: the all modifier needs a list of values"));
        }
        if (match.field() == null) {
            return keywords(match.values(), match.has(Modifier.ALL), match);
        }
        Optional<FieldTarget> found = context.target(match.field());
        if (found.isEmpty()) {
            return Pred.FALSE;
        }
        FieldTarget target = found.get();
        if (match.has(Modifier.EXISTS)) {
            return exists(match, target);
        }
        Pred result;
        if (match.has(Modifier.FIELDREF)) {
            result = combine(match, match.values().stream().map(v -> fieldref(match, target, v)).toList());
        } else if (match.has(Modifier.CIDR)) {
            result = combine(match, match.values().stream().map(v -> cidr(match, target, v)).toList());
        } else if (match.has(Modifier.RE)) {
            result = combine(match, match.values().stream().map(v -> regex(match, target, v)).toList());
        } else if (match.modifiers().stream().anyMatch(NUMERIC::contains)) {
            result = combine(match, match.values().stream().map(v -> compare(match, target, v)).toList());
        } else if (match.modifiers().stream().anyMatch(TIME::contains)) {
            result = combine(match, match.values().stream().map(v -> timePart(match, target, v)).toList());
        } else {
            result = values(match, target);
        }
        return match.has(Modifier.NEQ) ? Pred.not(result) : result;
    }

    private Pred combine(FieldMatch match, List<Pred> alternatives) {
        return match.has(Modifier.ALL) ? Pred.and(alternatives) : Pred.or(alternatives);
    }

    private Pred fail(Problem problem) {
        context.problem(problem);
        return Pred.FALSE;
    }

    private Pred exists(FieldMatch match, FieldTarget target) {
        SigmaValue value = match.values().get(0);
        Boolean wanted = value instanceof SigmaValue.SigmaBool b ? Boolean.valueOf(b.value())
                : value instanceof SigmaString s && s.raw().equalsIgnoreCase("true") ? Boolean.TRUE
                : value instanceof SigmaString s2 && s2.raw().equalsIgnoreCase("false") ? Boolean.FALSE : null;
        if (wanted == null || match.values().size() != 1) {
            return fail(Problem.invalid("`" + match.key() + "` needs the value true or false"));
        }
        if (target.isConstant()) {
            return wanted ? Pred.TRUE : Pred.FALSE;
        }
        boolean text = target.type() == ScalarType.STRING;
        String function = wanted ? (text ? "isnotempty" : "isnotnull") : (text ? "isempty" : "isnull");
        return Pred.atom(function + "(" + target.kql() + ")");
    }

    private Pred fieldref(FieldMatch match, FieldTarget target, SigmaValue value) {
        if (!(value instanceof SigmaString other)) {
            return fail(Problem.invalid("`" + match.key() + "` needs field names as values"));
        }
        Optional<FieldTarget> found = context.target(other.raw());
        if (found.isEmpty()) {
            return Pred.FALSE;
        }
        FieldTarget right = found.get();
        if (target.isConstant() || right.isConstant()) {
            return fail(Problem.unsupported("`" + match.key() + "`: fieldref on a constant field"));
        }
        boolean cased = match.has(Modifier.CASED);
        String op;
        if (match.has(Modifier.CONTAINS)) {
            op = cased ? "contains_cs" : "contains";
        } else if (match.has(Modifier.STARTSWITH)) {
            op = cased ? "startswith_cs" : "startswith";
        } else if (match.has(Modifier.ENDSWITH)) {
            op = cased ? "endswith_cs" : "endswith";
        } else {
            op = cased || target.type() != ScalarType.STRING || right.type() != ScalarType.STRING ? "==" : "=~";
        }
        return Pred.atom(target.kql() + " " + op + " " + right.kql());
    }

    private Pred cidr(FieldMatch match, FieldTarget target, SigmaValue value) {
        if (!(value instanceof SigmaString range) || !range.raw().matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
            return fail(Problem.invalid("`" + match.key() + "`: `" + describe(value) + "` is not a CIDR range"));
        }
        if (target.isConstant()) {
            return fail(Problem.unsupported("`" + match.key() + "`: cidr on a constant field"));
        }
        String function = range.raw().contains(":") ? "ipv6_is_match" : "ipv4_is_in_range";
        return Pred.atom(function + "(" + target.kql() + ", " + KqlPrinter.string(range.raw()) + ")");
    }

    private Pred regex(FieldMatch match, FieldTarget target, SigmaValue value) {
        String pattern = value instanceof SigmaString s ? s.raw() : describe(value);
        StringBuilder flags = new StringBuilder();
        int re2Flags = 0;
        if (match.has(Modifier.I)) {
            flags.append('i');
            re2Flags |= com.google.re2j.Pattern.CASE_INSENSITIVE;
        }
        if (match.has(Modifier.M) || target.multi()) {
            flags.append('m');
            re2Flags |= com.google.re2j.Pattern.MULTILINE;
        }
        if (match.has(Modifier.S)) {
            flags.append('s');
            re2Flags |= com.google.re2j.Pattern.DOTALL;
        }
        try {
            com.google.re2j.Pattern.compile(pattern, re2Flags);
        } catch (PatternSyntaxException e) {
            return fail(Problem.unsupported("regex `" + pattern + "` of `" + match.key()
                    + "` is not RE2 syntax (lookarounds, backreferences, possessive quantifiers and \\Z are "
                    + "not available): " + e.getDescription()));
        }
        if (target.isConstant()) {
            com.google.re2j.Pattern compiled = com.google.re2j.Pattern.compile(pattern, re2Flags);
            boolean found = target.constants().stream().anyMatch(c -> compiled.matcher(c).find());
            return found ? Pred.TRUE : never(match, value);
        }
        String prefix = flags.length() == 0 ? "" : "(?" + flags + ")";
        return Pred.atom(text(target) + " matches regex " + KqlPrinter.string(prefix + pattern));
    }

    private Pred compare(FieldMatch match, FieldTarget target, SigmaValue value) {
        Optional<BigDecimal> number = number(value);
        if (number.isEmpty()) {
            return fail(Problem.invalid("`" + match.key() + "` needs a number, not `" + describe(value) + "`"));
        }
        String op = match.has(Modifier.LT) ? "<" : match.has(Modifier.LTE) ? "<=" : match.has(Modifier.GT) ? ">" : ">=";
        if (target.isConstant()) {
            return fail(Problem.unsupported("`" + match.key() + "`: numeric comparison on a constant field"));
        }
        String expr = target.type().isNumeric() ? target.kql() : "toreal(" + target.kql() + ")";
        return Pred.atom(expr + " " + op + " " + number.get().toPlainString());
    }

    private Pred timePart(FieldMatch match, FieldTarget target, SigmaValue value) {
        Modifier part = match.modifiers().stream().filter(TIME::contains).findFirst().orElseThrow();
        Optional<BigDecimal> number = number(value);
        if (number.isEmpty() || target.isConstant()) {
            return fail(Problem.invalid("`" + match.key() + "` needs a number"));
        }
        return Pred.atom("datetime_part(\"" + part.yamlName() + "\", " + target.kql() + ") == " + number.get().toPlainString());
    }

    /** Plain values: strings (with wildcards and transformations), numbers, booleans and null. */
    private Pred values(FieldMatch match, FieldTarget target) {
        Mode mode = mode(match);
        boolean cased = match.has(Modifier.CASED);
        boolean all = match.has(Modifier.ALL);
        List<Pred> alternatives = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        for (SigmaValue value : match.values()) {
            if (value instanceof SigmaValue.SigmaNull) {
                alternatives.add(isNull(target));
            } else if (value instanceof SigmaValue.SigmaBool b && target.type() == ScalarType.BOOL) {
                alternatives.add(Pred.atom(target.kql() + " == " + b.value()));
            } else if (value instanceof SigmaValue.SigmaNumber n && target.type().isNumeric() && mode == Mode.EXACT
                    && !target.isConstant()) {
                exact.add(new BigDecimal(n.text()).toPlainString());
            } else {
                SigmaString string = value instanceof SigmaString s ? s : SigmaString.literal(describe(value));
                List<SigmaString> variants = new ArrayList<>();
                Optional<Problem> problem = ValueTransforms.apply(match, string, variants);
                if (problem.isPresent()) {
                    return fail(problem.get());
                }
                List<Pred> options = new ArrayList<>();
                for (SigmaString variant : variants) {
                    options.add(string(match, target, variant, mode, cased, all ? null : exact));
                }
                alternatives.add(Pred.or(options));
            }
        }
        if (exact.size() == 1 || (all && !exact.isEmpty())) {
            exact.forEach(e -> alternatives.add(Pred.atom(target.kql() + (cased || numeric(target) ? " == " : " =~ ") + e)));
        } else if (exact.size() > 1) {
            String op = cased || numeric(target) ? " in (" : " in~ (";
            alternatives.add(Pred.atom(target.kql() + op + String.join(", ", exact) + ")"));
        }
        return all ? Pred.and(alternatives) : Pred.or(alternatives);
    }

    private static boolean numeric(FieldTarget target) {
        return target.type().isNumeric();
    }

    /**
     * One string pattern. A plain literal compared for equality goes to {@code exact} (when not null), so that
     * several of them print as one {@code in~}.
     */
    private Pred string(FieldMatch match, FieldTarget target, SigmaString value, Mode mode, boolean cased,
                        List<String> exact) {
        List<Chunk> chunks = StringMatcher.normalise(value, mode);
        if (target.neverPrefix() != null && startsWithIgnoreCase(StringMatcher.exactLiteral(stripAny(chunks)), target.neverPrefix())) {
            return never(match, value);
        }
        if (target.isConstant()) {
            boolean any = target.constants().stream().anyMatch(c -> StringMatcher.matchesConstant(c, chunks, cased));
            return any ? Pred.TRUE : never(match, value);
        }
        if (target.multi()) {
            return StringMatcher.matchAnyLine(target.kql(), chunks, cased);
        }
        String literal = StringMatcher.exactLiteral(chunks);
        if (numeric(target)) {
            Optional<BigDecimal> number = literal == null ? Optional.empty() : number(value);
            if (number.isPresent()) {
                if (exact != null) {
                    exact.add(number.get().toPlainString());
                    return Pred.FALSE;
                }
                return Pred.atom(target.kql() + " == " + number.get().toPlainString());
            }
            return StringMatcher.match("tostring(" + target.kql() + ")", chunks, cased);
        }
        if (literal != null && exact != null) {
            exact.add(KqlPrinter.string(literal));
            return Pred.FALSE;
        }
        return StringMatcher.match(text(target), chunks, cased);
    }

    private static List<Chunk> stripAny(List<Chunk> chunks) {
        return chunks.stream().filter(c -> !(c instanceof Chunk.AnyChars)).toList();
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text != null && text.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
    }

    private Pred never(FieldMatch match, SigmaValue value) {
        context.never("`" + match.key() + ": " + describe(value) + "` cannot occur on " + context.mapping().table());
        return Pred.FALSE;
    }

    private Pred keywords(List<SigmaValue> values, boolean all, FieldMatch match) {
        for (Modifier modifier : match.modifiers()) {
            if (!KEYWORD_MODIFIERS.contains(modifier)) {
                return fail(Problem.unsupported("modifier `" + modifier.yamlName() + "` on a keyword list"));
            }
        }
        List<String> columns = context.mapping().keywordColumns();
        if (columns.isEmpty()) {
            return fail(Problem.unsupported("keyword search is not mapped for " + context.mapping().table()));
        }
        boolean cased = match.has(Modifier.CASED);
        List<Pred> perValue = new ArrayList<>();
        for (SigmaValue value : values) {
            SigmaString string = value instanceof SigmaString s ? s : SigmaString.literal(describe(value));
            List<SigmaString> variants = new ArrayList<>();
            Optional<Problem> problem = ValueTransforms.apply(match, string, variants);
            if (problem.isPresent()) {
                return fail(problem.get());
            }
            List<Pred> options = new ArrayList<>();
            for (SigmaString variant : variants) {
                List<Chunk> chunks = StringMatcher.normalise(variant, Mode.CONTAINS);
                for (String column : columns) {
                    options.add(StringMatcher.match(column, chunks, cased));
                }
            }
            perValue.add(Pred.or(options));
        }
        return all ? Pred.and(perValue) : Pred.or(perValue);
    }

    /** A keyword identifier ({@code - value} list, or {@code '|all':} map). */
    Pred keywordList(List<SigmaValue> values, boolean all) {
        return keywords(values, all, new FieldMatch(null, all ? List.of(Modifier.ALL) : List.of(), values));
    }

    private Pred isNull(FieldTarget target) {
        if (target.isConstant()) {
            return target.constants().contains("") ? Pred.TRUE : Pred.FALSE;
        }
        return Pred.atom((target.type() == ScalarType.STRING ? "isempty(" : "isnull(") + target.kql() + ")");
    }

    private static String text(FieldTarget target) {
        return target.type() == ScalarType.STRING ? target.kql() : "tostring(" + target.kql() + ")";
    }

    private Mode mode(FieldMatch match) {
        int count = 0;
        Mode mode = Mode.EXACT;
        if (match.has(Modifier.CONTAINS)) {
            mode = Mode.CONTAINS;
            count++;
        }
        if (match.has(Modifier.STARTSWITH)) {
            mode = Mode.STARTSWITH;
            count++;
        }
        if (match.has(Modifier.ENDSWITH)) {
            mode = Mode.ENDSWITH;
            count++;
        }
        if (count > 1) {
            context.problem(Problem.invalid("`" + match.key() + "` combines contains, startswith and endswith"));
        }
        if (match.has(Modifier.BASE64OFFSET) && mode != Mode.CONTAINS) {
            context.problem(Problem.invalid("`" + match.key() + "`: base64offset needs contains"));
        }
        return mode;
    }

    private static Optional<BigDecimal> number(SigmaValue value) {
        String text = value instanceof SigmaValue.SigmaNumber n ? n.text()
                : value instanceof SigmaString s && !s.hasWildcards() ? s.plain().strip() : null;
        if (text != null && text.matches("0[xX][0-9a-fA-F]{1,15}")) {
            // Sysmon writes ids such as LogonId in hex (0x3e7); Defender keeps them as numbers.
            return Optional.of(new BigDecimal(new java.math.BigInteger(text.substring(2), 16)));
        }
        if (text == null || !text.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    static String describe(SigmaValue value) {
        if (value instanceof SigmaString s) {
            return s.raw();
        }
        if (value instanceof SigmaValue.SigmaNumber n) {
            return n.text();
        }
        if (value instanceof SigmaValue.SigmaBool b) {
            return String.valueOf(b.value());
        }
        return "null";
    }
}
