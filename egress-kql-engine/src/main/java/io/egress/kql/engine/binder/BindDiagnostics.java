package io.egress.kql.engine.binder;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.diag.Severity;
import io.egress.kql.syntax.text.Span;
import java.util.Collection;

/**
 * The binder's and executor's diagnostics, with stable codes: KQL2xx for names and types found while
 * binding, KQL3xx for what parses but does not run here and for runtime errors.
 */
public final class BindDiagnostics {
    public static final String UNKNOWN_TABLE = "KQL201";
    public static final String UNKNOWN_COLUMN = "KQL202";
    public static final String UNKNOWN_FUNCTION = "KQL203";
    public static final String TYPE_MISMATCH = "KQL204";
    public static final String BAD_ARGUMENTS = "KQL205";
    public static final String DUPLICATE_COLUMN = "KQL206";
    public static final String NOT_CONSTANT = "KQL207";
    public static final String WRONG_KIND = "KQL208";
    public static final String BAD_LITERAL = "KQL209";
    public static final String IMPLICIT_CONVERSION = "KQL211";
    public static final String UNSUPPORTED = "KQL301";
    public static final String OFFLINE = "KQL302";
    public static final String IGNORED = "KQL303";
    public static final String RUNTIME = "KQL310";

    private BindDiagnostics() {
    }

    public static Diagnostic unknownTable(Span span, String name, Collection<String> candidates) {
        return DiagnosticCodes.error(UNKNOWN_TABLE, span, "unknown table or tabular name '" + name + "'",
                Suggest.hint(name, candidates));
    }

    public static Diagnostic unknownColumn(Span span, String name, Collection<String> candidates) {
        return DiagnosticCodes.error(UNKNOWN_COLUMN, span, "unknown column or name '" + name + "'",
                Suggest.hint(name, candidates));
    }

    public static Diagnostic unknownFunction(Span span, String name, Collection<String> candidates) {
        return DiagnosticCodes.error(UNKNOWN_FUNCTION, span, "unknown function '" + name + "'",
                Suggest.hint(name, candidates));
    }

    public static Diagnostic typeMismatch(Span span, String message) {
        return DiagnosticCodes.error(TYPE_MISMATCH, span, message, null);
    }

    public static Diagnostic badArguments(Span span, String message) {
        return DiagnosticCodes.error(BAD_ARGUMENTS, span, message, null);
    }

    public static Diagnostic duplicateColumn(Span span, String name) {
        return DiagnosticCodes.error(DUPLICATE_COLUMN, span, "column '" + name + "' is defined twice",
                "rename one of them");
    }

    public static Diagnostic notConstant(Span span, String what) {
        return DiagnosticCodes.error(NOT_CONSTANT, span, what + " must be a constant", null);
    }

    public static Diagnostic wrongKind(Span span, String message) {
        return DiagnosticCodes.error(WRONG_KIND, span, message, null);
    }

    public static Diagnostic badLiteral(Span span, String message) {
        return DiagnosticCodes.error(BAD_LITERAL, span, message, null);
    }

    public static Diagnostic implicitConversion(Span span, String message, String hint) {
        return new Diagnostic(IMPLICIT_CONVERSION, Severity.WARNING, span, message, hint);
    }

    public static Diagnostic unsupported(Span span, String what) {
        return DiagnosticCodes.error(UNSUPPORTED, span, what + " parses but does not run yet", null);
    }

    public static Diagnostic offline(Span span, String what, String consequence) {
        return new Diagnostic(OFFLINE, Severity.WARNING, span, what + " is not available offline; " + consequence, null);
    }

    public static Diagnostic ignored(Span span, String what) {
        return new Diagnostic(IGNORED, Severity.INFO, span, what + " has no effect offline; rows pass through", null);
    }

    public static Diagnostic runtime(Span span, String message) {
        return DiagnosticCodes.error(RUNTIME, span, message, null);
    }
}
