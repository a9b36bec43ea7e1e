package io.auditrail.core.tlog;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying one organisation's log.
 *
 * @param organizationId the organisation, or {@code null} for the log of events without one
 * @param intact whether no problem was found
 * @param leavesChecked how many leaves this verification read
 * @param treeSize the size of the tree it recomputed (the index after the last leaf read)
 * @param problem the first problem, or {@code null} when intact
 */
public record LogVerification(@Nullable String organizationId, boolean intact, long leavesChecked, long treeSize,
        @Nullable LogProblem problem) {

    /**
     * Checks that {@code intact} and {@code problem} agree.
     *
     * @throws IllegalArgumentException when an intact result has a problem or a failed one lacks it
     */
    public LogVerification {
        if (intact != (problem == null)) {
            throw new IllegalArgumentException("a verification is intact exactly when it has no problem");
        }
    }
}
