package io.egress.detect.validate;

/** One scenario × branch verdict of the validation matrix. */
public enum Cell {
    /** Expected to fire, and did. */
    HIT("HIT", true),
    /** Expected to fire, and did not. */
    MISS("MISS!", false),
    /** Expected to stay silent, and did. */
    SILENT("-", true),
    /** Expected to stay silent, and fired. */
    FALSE_POSITIVE("FP!", false),
    /** A documented blind spot: the branch should catch this but does not (expect.yaml knownMisses). */
    KNOWN_MISS("gap", true),
    /** A documented blind spot that now fires: update expect.yaml. */
    GAP_CLOSED("CAUGHT!", false);

    private final String symbol;
    private final boolean pass;

    Cell(String symbol, boolean pass) {
        this.symbol = symbol;
        this.pass = pass;
    }

    public String symbol() {
        return symbol;
    }

    public boolean pass() {
        return pass;
    }
}
