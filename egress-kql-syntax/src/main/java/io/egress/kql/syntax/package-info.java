/**
 * KQL text to syntax tree, with no dependencies.
 *
 * <pre>
 *   text ──{@link io.egress.kql.syntax.lexer.Lexer}──▶ tokens ──{@link io.egress.kql.syntax.parser.KqlParser}──▶
 *   {@link io.egress.kql.syntax.parser.ParseResult} (tree + diagnostics + {@link io.egress.kql.syntax.text.SourceText})
 * </pre>
 *
 * <ul>
 *   <li>{@code text}: {@code Span} (offset, length) on every node; {@code SourceText} turns offsets into
 *       1-based line:column only when printing.</li>
 *   <li>{@code tree}: immutable records in sealed hierarchies: {@code Script} of {@code Statement}s;
 *       {@code Expr} (scalar and tabular: a pipeline is {@code Expr.Pipe(source, TabularOperator)});
 *       one {@code TabularOperator} record per operator. {@code SyntaxTrees.equalIgnoringSpans} compares
 *       trees.</li>
 *   <li>{@code parser}: hand-written recursive descent with recovery: it reports every error it can and
 *       always returns a tree ({@code Expr.Error} / {@code TabularOperator.Error} mark the holes). It never
 *       throws on input and always consumes a token after an error, so it cannot loop.</li>
 *   <li>{@code diag}: {@code Diagnostic} values with stable codes from {@code DiagnosticCodes}
 *       (KQL1xx syntax, KQL2xx binder, KQL3xx execution) and optional quick fixes.</li>
 *   <li>{@code print}: {@code SyntaxPrinter} (tree to canonical KQL; parse → print → parse round-trips)
 *       and {@code DiagnosticPrinter} ({@code file:line:col: error CODE: message}, source line, carets,
 *       hint).</li>
 * </ul>
 */
package io.egress.kql.syntax;
