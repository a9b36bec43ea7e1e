package io.auditrail.core.internal.tx;

/**
 * The caller's transaction as a framework module sees it, reduced to what
 * {@link RollbackOnFailureDispatcher} needs: refusing its commit. Each framework implements it
 * with its own transaction synchronisation.
 */
@FunctionalInterface
public interface CallerTransaction {

    /**
     * Makes the transaction running on this thread throw {@code failure} when it is about to
     * commit, so that it rolls back and its committer learns why; does nothing when no
     * transaction is running.
     *
     * @param failure thrown before commit
     */
    void failBeforeCommit(RuntimeException failure);
}
