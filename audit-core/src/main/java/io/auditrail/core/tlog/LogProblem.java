package io.auditrail.core.tlog;

/**
 * The first problem a log verification found.
 *
 * @param leafIndex the leaf it concerns (for a checkpoint: the first leaf its evidence does not
 *     cover; for an event outside the log: the tree size at the time)
 * @param type its class
 * @param detail what was found, for people; names no secret
 */
public record LogProblem(long leafIndex, Type type, String detail) {

    /** The classes of tampering and failure a verification tells apart. See {@link LogVerifier} for the rules. */
    public enum Type {
        /** A leaf's event or hash changed, or the leaves no longer hash to a signed root. */
        MODIFIED,
        /** A leaf or its event is missing and no signed retention record covers it. */
        DELETED,
        /** A leaf that the log never appended: an index seen twice, or an event that claims a leaf it does not have. */
        INSERTED,
        /** Leaves are present but at other positions than they were appended. */
        REORDERED,
        /** The log ends before the size a signed checkpoint vouches for. */
        TRUNCATED,
        /** A checkpoint or retention record is unsigned, changed, or signed by another key. */
        BAD_SIGNATURE,
        /** An event older than the grace period was never appended to the log. */
        UNSEALED,
        /** Two validly signed checkpoints describe trees that cannot both be prefixes of one log. */
        FORKED,
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the index is negative
     */
    public LogProblem {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("a problem's leaf index cannot be negative but was " + leafIndex);
        }
    }
}
