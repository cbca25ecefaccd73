package io.egress.cli;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.print.DiagnosticPrinter;
import io.egress.kql.syntax.text.SourceText;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Small text helpers shared by the commands: diagnostics and I/O failure reasons. */
final class CliText {
    private CliText() {
    }

    /** A command's work, given its output and error streams; a {@link UserError} is the user's mistake. */
    @FunctionalInterface
    interface CommandBody {
        int run(java.io.PrintWriter out, java.io.PrintWriter err) throws UserError;
    }

    /**
     * Runs a command body with the exit codes every command shares: a user error is one "error:" line and
     * exit code 2, a runtime exception an internal error (3); both streams are flushed at the end.
     */
    static int run(picocli.CommandLine.Model.CommandSpec spec, CommandBody body) {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        try {
            return body.run(out, err);
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            return internalError(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A bug, not a user mistake: one line (the stack trace only with EGRESS_DEBUG set), exit code 3. */
    static int internalError(RuntimeException e, java.io.PrintWriter err) {
        err.println("internal error: " + e + " (a bug in egress; please report it with the query)");
        if (System.getenv("EGRESS_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return 3;
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String diagnostics(String label, SourceText source, List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(format(label, source, d));
        }
        return sb.toString();
    }

    /** {@code FILE:LINE:COL: severity CODE: message}, the line, a caret under the span, the hint. */
    static String format(String label, SourceText source, Diagnostic d) {
        return DiagnosticPrinter.format(label, source, d);
    }
}
