package io.egress.cli;

/** A mistake of the user (bad path, bad option value): printed as one message, never as a stack trace. */
final class UserError extends Exception {
    UserError(String message) {
        super(message, null, false, false);
    }
}
