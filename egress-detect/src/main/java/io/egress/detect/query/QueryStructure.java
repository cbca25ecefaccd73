package io.egress.detect.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a rule query that detect needs: its {@code let}-bound lists and tabular branches, the
 * final {@code union} of plain branch names (if that is how the query ends), and the string patterns
 * each branch applies.
 *
 * @param lists         {@code let} names bound to a constant string or {@code dynamic([...])} list
 * @param patterns      patterns by branch ({@code let} name); patterns of the final statement under ""
 * @param unionLegs     the plain names the final {@code union} lists, in order; empty when it does not end in one
 * @param unionAt       offset just after the final {@code union} keyword, or -1
 * @param withSource    the column the union's {@code withsource=} already names, if any
 */
public record QueryStructure(Map<String, List<String>> lists, Map<String, List<Pattern>> patterns,
                             List<String> unionLegs, int unionAt, Optional<String> withSource) {
    private static final Set<String> PATTERN_OPERATORS = Set.of("has", "has_cs", "has_any", "has_all", "contains",
            "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs", "hasprefix", "hassuffix",
            "has_any_cs", "matches", "=~", "==", "in", "in~");

    public QueryStructure {
        lists = Map.copyOf(lists);
        patterns = Map.copyOf(patterns);
        unionLegs = List.copyOf(unionLegs);
        withSource = withSource == null ? Optional.empty() : withSource;
    }

    public static QueryStructure analyze(String query) {
        List<Token> tokens = QueryLexer.tokenize(query);
        List<List<Token>> statements = statements(tokens);
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Map<String, List<Token>> branches = new LinkedHashMap<>();
        List<Token> last = List.of();
        for (List<Token> statement : statements) {
            if (statement.size() >= 3 && statement.get(0).isIdent("let") && statement.get(1).kind() == Token.Kind.IDENT
                    && statement.get(2).is("=")) {
                List<Token> body = statement.subList(3, statement.size());
                Optional<List<String>> constant = constantList(body);
                if (constant.isPresent()) {
                    lists.put(statement.get(1).value(), constant.get());
                } else {
                    branches.put(statement.get(1).value(), body);
                }
            } else if (!statement.isEmpty()) {
                last = statement;
            }
        }
        Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
        branches.forEach((name, body) -> patterns.put(name, patterns(body, lists)));
        patterns.put("", patterns(last, lists));
        List<String> legs = new ArrayList<>();
        int unionAt = -1;
        Optional<String> withSource = Optional.empty();
        if (!last.isEmpty() && last.get(0).isIdent("union")) {
            unionAt = last.get(0).end();
            int i = 1;
            while (i + 2 < last.size() && last.get(i).kind() == Token.Kind.IDENT && last.get(i + 1).is("=")) {
                if (last.get(i).isIdent("withsource")) {
                    withSource = Optional.of(last.get(i + 2).value());
                }
                i += 3;
            }
            boolean plain = true;
            for (; i < last.size() && !last.get(i).is("|"); i++) {
                Token token = last.get(i);
                if (token.is(",")) {
                    continue;
                }
                if (token.kind() == Token.Kind.IDENT && (i + 1 >= last.size() || last.get(i + 1).is(",") || last.get(i + 1).is("|"))) {
                    legs.add(token.value());
                } else {
                    plain = false;
                    break;
                }
            }
            if (!plain) {
                legs.clear();
            }
        }
        return new QueryStructure(lists, patterns, legs, unionAt, withSource);
    }

    /** The patterns of one branch, or of the final statement for "" (empty when unknown). */
    public List<Pattern> patternsOf(String branch) {
        return patterns.getOrDefault(branch == null ? "" : branch, List.of());
    }

    private static List<List<Token>> statements(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.PUNCT) {
                switch (token.value()) {
                    case "(", "[", "{" -> depth++;
                    case ")", "]", "}" -> depth = Math.max(0, depth - 1);
                    case ";" -> {
                        if (depth == 0) {
                            out.add(tokens.subList(start, i));
                            start = i + 1;
                        }
                    }
                    default -> { }
                }
            }
        }
        if (start < tokens.size()) {
            out.add(tokens.subList(start, tokens.size()));
        }
        return out;
    }

    /** {@code "x"}, {@code dynamic(["a", "b"])} or {@code (["a"])}: its strings; else empty. */
    private static Optional<List<String>> constantList(List<Token> body) {
        if (body.size() == 1 && body.get(0).kind() == Token.Kind.STRING) {
            return Optional.of(List.of(body.get(0).value()));
        }
        int i = 0;
        if (!body.isEmpty() && body.get(0).isIdent("dynamic")) {
            i = 1;
        }
        List<String> values = new ArrayList<>();
        for (; i < body.size(); i++) {
            Token token = body.get(i);
            if (token.kind() == Token.Kind.STRING) {
                values.add(token.value());
            } else if (token.kind() == Token.Kind.PUNCT && Set.of("(", ")", "[", "]", ",").contains(token.value())) {
                continue;
            } else {
                return Optional.empty();
            }
        }
        return body.isEmpty() || values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    private static List<Pattern> patterns(List<Token> body, Map<String, List<String>> lists) {
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; i + 2 < body.size(); i++) {
            Token column = body.get(i);
            Token op = body.get(i + 1);
            if (column.kind() != Token.Kind.IDENT || !PATTERN_OPERATORS.contains(op.value()) || op.kind() == Token.Kind.STRING) {
                continue;
            }
            if (i > 0 && (body.get(i - 1).is("!") || body.get(i - 1).is("."))) {
                continue;
            }
            String operator = op.value();
            int rhs = i + 2;
            if (operator.equals("matches")) {
                if (!body.get(rhs).isIdent("regex")) {
                    continue;
                }
                operator = "matches regex";
                rhs++;
            } else if (operator.equals("in") && body.get(rhs).is("~")) {
                operator = "in~";
                rhs++;
            }
            List<String> needles = rightHandStrings(body, rhs, lists);
            if (!needles.isEmpty()) {
                out.add(new Pattern(column.value(), operator, needles));
            }
        }
        return out;
    }

    /** The strings of a right-hand side: a literal, a let name, or a parenthesised list of those. */
    private static List<String> rightHandStrings(List<Token> body, int at, Map<String, List<String>> lists) {
        if (at >= body.size()) {
            return List.of();
        }
        Token first = body.get(at);
        if (first.kind() == Token.Kind.STRING) {
            return List.of(first.value());
        }
        if (first.kind() == Token.Kind.IDENT && !first.isIdent("dynamic")) {
            return lists.getOrDefault(first.value(), List.of());
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        for (int i = at; i < body.size(); i++) {
            Token token = body.get(i);
            if (token.is("(") || token.is("[")) {
                depth++;
            } else if (token.is(")") || token.is("]")) {
                depth--;
                if (depth <= 0) {
                    break;
                }
            } else if (token.kind() == Token.Kind.STRING) {
                out.add(token.value());
            } else if (token.kind() == Token.Kind.IDENT && lists.containsKey(token.value())) {
                out.addAll(lists.get(token.value()));
            } else if (!token.is(",") && !token.isIdent("dynamic")) {
                return List.of();
            }
            if (depth == 0 && i > at) {
                break;
            }
        }
        return out;
    }
}
