package io.egress.sigma.parse;

import io.egress.sigma.Result;
import io.egress.sigma.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Sigma condition by recursive descent. Precedence, loosest first: {@code or}, {@code and},
 * {@code not}, {@code 1 of} / {@code all of}, parentheses. Keywords are matched case-insensitively.
 */
public final class ConditionParser {
    private final String text;
    private final List<String> tokens;
    private int position;

    private ConditionParser(String text, List<String> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static Result<Condition> parse(String text) {
        if (text.contains("|")) {
            return Result.unsupported("aggregation in condition (`" + text.strip()
                    + "`) is Sigma 1 syntax; write a correlation rule instead");
        }
        List<String> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            return Result.invalid("empty condition");
        }
        ConditionParser parser = new ConditionParser(text, tokens);
        Result<Condition> result = parser.or();
        if (result instanceof Result.Ok<Condition> && parser.position < tokens.size()) {
            return parser.error("unexpected `" + tokens.get(parser.position) + "`");
        }
        return result;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (c != ' ' && !Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private Result<Condition> or() {
        List<Condition> operands = new ArrayList<>();
        do {
            Result<Condition> operand = and();
            if (operand instanceof Result.Fail<Condition>) {
                return operand;
            }
            operands.add(((Result.Ok<Condition>) operand).value());
        } while (accept("or"));
        return Result.ok(operands.size() == 1 ? operands.get(0) : new Condition.Or(operands));
    }

    private Result<Condition> and() {
        List<Condition> operands = new ArrayList<>();
        do {
            Result<Condition> operand = not();
            if (operand instanceof Result.Fail<Condition>) {
                return operand;
            }
            operands.add(((Result.Ok<Condition>) operand).value());
        } while (accept("and"));
        return Result.ok(operands.size() == 1 ? operands.get(0) : new Condition.And(operands));
    }

    private Result<Condition> not() {
        if (accept("not")) {
            return not().map(Condition.Not::new);
        }
        return primary();
    }

    private Result<Condition> primary() {
        if (position >= tokens.size()) {
            return error("the condition ends early");
        }
        String token = tokens.get(position);
        String lower = token.toLowerCase(Locale.ROOT);
        if (token.equals("(")) {
            position++;
            Result<Condition> inner = or();
            if (inner instanceof Result.Ok<Condition> && !accept(")")) {
                return error("missing `)`");
            }
            return inner;
        }
        if (isKeyword(lower) || token.equals(")")) {
            return error("expected a search identifier but found `" + token + "`");
        }
        position++;
        if (position < tokens.size() && tokens.get(position).equalsIgnoreCase("of")) {
            position++;
            if (!lower.equals("1") && !lower.equals("all") && !lower.equals("any")) {
                return error("only `1 of` and `all of` are defined, not `" + token + " of`");
            }
            if (position >= tokens.size() || isKeyword(tokens.get(position).toLowerCase(Locale.ROOT))
                    || tokens.get(position).equals("(") || tokens.get(position).equals(")")) {
                return error("`" + token + " of` needs a search identifier pattern or `them`");
            }
            String pattern = tokens.get(position++);
            return Result.ok(new Condition.Quantified(lower.equals("all"), pattern));
        }
        return Result.ok(new Condition.Ref(token));
    }

    private static boolean isKeyword(String lower) {
        return lower.equals("and") || lower.equals("or") || lower.equals("not") || lower.equals("of");
    }

    private boolean accept(String keyword) {
        if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private Result<Condition> error(String message) {
        return Result.invalid("condition `" + text.strip() + "`: " + message);
    }
}
