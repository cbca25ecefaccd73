package io.egress.store;

/** A store that cannot be used as asked (not a store, unwritable, unsupported version): a message for the user. */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message, null, false, false);
    }
}
