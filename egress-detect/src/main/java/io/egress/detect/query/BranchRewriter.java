package io.egress.detect.query;

/**
 * Makes a rule's final {@code union} name the branch of each row: {@code union A, B} becomes
 * {@code union withsource=__Branch A, B}, so the engine writes each leg's {@code let} name into
 * {@code __Branch}. A union that already has {@code withsource=X} keeps it and X is the branch column.
 */
public final class BranchRewriter {
    /** The column Egress adds. */
    public static final String BRANCH_COLUMN = "__Branch";

    private BranchRewriter() {
    }

    /** The rewritten query and the branch column, or the query unchanged (column null) when it does not end in a union of names. */
    public static Rewritten rewrite(String query, QueryStructure structure) {
        if (structure.unionLegs().isEmpty() || structure.unionAt() < 0) {
            return new Rewritten(query, null);
        }
        if (structure.withSource().isPresent()) {
            return new Rewritten(query, structure.withSource().get());
        }
        int at = structure.unionAt();
        return new Rewritten(query.substring(0, at) + " withsource=" + BRANCH_COLUMN + query.substring(at), BRANCH_COLUMN);
    }

    /** A query and the column holding each row's branch name (null when the rule has no branches). */
    public record Rewritten(String query, String branchColumn) {
    }
}
