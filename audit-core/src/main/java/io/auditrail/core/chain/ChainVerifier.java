package io.auditrail.core.chain;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Walks a chain in sequence order and reports the first problem with its class. Holds one row
 * at a time, so chains of any length verify in constant memory. Thread-safe.
 *
 * <p>What it can tell: a changed row (its hash no longer matches), a missing sequence, a row
 * added in between, rows in another order, a chain that ends before the newest signed
 * checkpoint, a chain rewritten after a checkpoint (the checkpoint's hash no longer matches)
 * and a checkpoint with a bad signature. What it cannot tell: the removal of the newest rows
 * sealed after the last checkpoint that was exported beyond the attacker's reach, and, without
 * an HMAC key, a chain recomputed from some row on when no checkpoint covers that row.
 */
public final class ChainVerifier {

    private final ChainHasher hasher;
    private final CheckpointVerifier signatures;

    /**
     * Creates a verifier.
     *
     * @param hasher the chain's hasher, keyed like the sealer's
     * @param signatures checks checkpoint signatures, or {@code null} to trust checkpoints unchecked
     */
    public ChainVerifier(ChainHasher hasher, CheckpointVerifier signatures) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.signatures = signatures;
    }

    /**
     * Verifies rows against their links and the checkpoints.
     *
     * @param organizationId the chain's organisation, or {@code null}
     * @param start the first expected sequence and its predecessor hash
     * @param rows the chain's rows from {@code start} on, ordered by chain sequence
     * @param checkpoints the chain's checkpoints (heads and anchors), in any order
     * @param links look-ups used to classify a broken link
     * @param to the last sequence that must be present, or {@code null} to check whatever rows come;
     *        a range whose rows stop before it reports the missing end as {@link ChainProblem.Type#DELETED}
     * @return the outcome
     */
    public ChainVerification verify(String organizationId, ChainStart start, Iterator<ChainRow> rows,
            List<Checkpoint> checkpoints, ChainLinks links, Long to) {
        List<Checkpoint> sorted = checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::chainSeq)).toList();
        if (signatures != null) {
            for (Checkpoint checkpoint : sorted) {
                if (!signatures.isValid(checkpoint)) {
                    return new ChainVerification(organizationId, 0, start.chainSeq() - 1,
                            new ChainProblem(checkpoint.chainSeq(), ChainProblem.Type.BAD_SIGNATURE, checkpoint.kind()
                                    + " checkpoint taken at " + checkpoint.createdAt() + " has no valid signature"));
                }
            }
        }
        List<Checkpoint> heads = sorted.stream()
                .filter(c -> c.kind() == Checkpoint.Kind.HEAD && c.chainSeq() >= start.chainSeq())
                .filter(c -> to == null || c.chainSeq() <= to)
                .toList();
        Walk walk = new Walk(start, links, heads);
        while (rows.hasNext()) {
            ChainRow row = rows.next();
            if (to != null && row.chainSeq() > to) {
                break;
            }
            ChainProblem problem = walk.check(row);
            if (problem != null) {
                return walk.result(organizationId, problem);
            }
        }
        if (!heads.isEmpty()) {
            Checkpoint newest = heads.get(heads.size() - 1);
            if (newest.chainSeq() >= walk.expectedSeq) {
                return walk.result(organizationId, new ChainProblem(walk.expectedSeq, ChainProblem.Type.TRUNCATED,
                        "the chain ends at " + (walk.expectedSeq - 1) + " but a checkpoint taken at "
                                + newest.createdAt() + " recorded head " + newest.chainSeq()));
            }
        }
        if (to != null && walk.expectedSeq <= to) {
            return walk.result(organizationId, new ChainProblem(walk.expectedSeq, ChainProblem.Type.DELETED,
                    "chain sequence " + (walk.expectedSeq == to ? to : walk.expectedSeq + " to " + to)
                            + " missing: the range ends at " + to + " but its rows stop at " + (walk.expectedSeq - 1)));
        }
        return walk.result(organizationId, null);
    }

    /** The state of one walk: what the next row must look like. */
    private final class Walk {
        private final ChainLinks links;
        private final List<Checkpoint> heads;
        private long expectedSeq;
        private String expectedPrev;
        private ChainRow previous;
        private long checked;
        private int nextHead;

        Walk(ChainStart start, ChainLinks links, List<Checkpoint> heads) {
            this.links = links;
            this.heads = heads;
            this.expectedSeq = start.chainSeq();
            this.expectedPrev = start.prevHash();
        }

        ChainProblem check(ChainRow row) {
            if (row.chainSeq() < expectedSeq) {
                return new ChainProblem(row.chainSeq(), ChainProblem.Type.INSERTED,
                        "a second row claims chain sequence " + row.chainSeq());
            }
            if (row.chainSeq() > expectedSeq) {
                return new ChainProblem(expectedSeq, ChainProblem.Type.DELETED, "chain sequence "
                        + (row.chainSeq() - 1 == expectedSeq ? expectedSeq : expectedSeq + " to " + (row.chainSeq() - 1))
                        + " missing");
            }
            if (!selfConsistent(row)) {
                return new ChainProblem(row.chainSeq(), ChainProblem.Type.MODIFIED,
                        "the row's content or hash was changed after sealing");
            }
            if (!row.prevHash().equals(expectedPrev)) {
                return brokenLink(row);
            }
            while (nextHead < heads.size() && heads.get(nextHead).chainSeq() <= row.chainSeq()) {
                Checkpoint head = heads.get(nextHead++);
                if (head.chainSeq() == row.chainSeq() && !head.hash().equals(row.hash())) {
                    return new ChainProblem(row.chainSeq(), ChainProblem.Type.MODIFIED, "the hash differs from the"
                            + " checkpoint taken at " + head.createdAt() + ": the chain was recomputed up to here");
                }
            }
            previous = row;
            expectedPrev = row.hash();
            expectedSeq++;
            checked++;
            return null;
        }

        private boolean selfConsistent(ChainRow row) {
            if (row.canonicalEvent() == null || row.prevHash() == null || row.hash() == null) {
                return false;
            }
            try {
                return hasher.hash(row.prevHash(), row.canonicalEvent()).equals(row.hash());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /** The row is intact on its own but does not follow its predecessor. */
        private ChainProblem brokenLink(ChainRow row) {
            if (previous != null && row.prevHash().equals(previous.prevHash())) {
                return new ChainProblem(previous.chainSeq(), ChainProblem.Type.INSERTED,
                        "row " + previous.chainSeq() + " was added: its successor links past it");
            }
            var successor = links.successorOf(expectedPrev);
            if ((successor.isPresent() && successor.getAsLong() != row.chainSeq()) || links.containsHash(row.prevHash())) {
                return new ChainProblem(row.chainSeq(), ChainProblem.Type.REORDERED,
                        "the row sealed after " + (expectedSeq - 1) + " sits elsewhere in the chain");
            }
            long at = previous == null ? row.chainSeq() : previous.chainSeq();
            return new ChainProblem(at, ChainProblem.Type.MODIFIED, "the link after " + (expectedSeq - 1)
                    + " is broken: a row was rewritten with a recomputed hash, or rows were deleted and renumbered");
        }

        ChainVerification result(String organizationId, ChainProblem problem) {
            return new ChainVerification(organizationId, checked, expectedSeq - 1, problem);
        }
    }
}
