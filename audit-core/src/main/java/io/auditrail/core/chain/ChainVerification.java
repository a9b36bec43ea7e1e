package io.auditrail.core.chain;

/**
 * The outcome of verifying one chain or a range of it.
 *
 * @param organizationId the chain's organisation, or {@code null}
 * @param rowsChecked rows whose link was checked before the walk ended
 * @param lastSeq the last chain sequence checked and found intact, or the one before the start
 * @param problem the first problem, or {@code null} when everything checked is intact
 */
public record ChainVerification(String organizationId, long rowsChecked, long lastSeq, ChainProblem problem) {

    /**
     * Whether no problem was found.
     *
     * @return {@code true} when intact
     */
    public boolean isIntact() {
        return problem == null;
    }
}
