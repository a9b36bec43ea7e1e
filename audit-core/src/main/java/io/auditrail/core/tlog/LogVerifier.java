package io.auditrail.core.tlog;

import io.auditrail.core.event.AuditEvent;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies one organisation's log while its leaves stream past in index order, keeping only the
 * tree's frontier (O(log n) memory): it recomputes each leaf hash from the event, compares it with
 * the hash the store kept, rebuilds the tree and, whenever the tree reaches the size of a signed
 * checkpoint, compares the roots. Shared by the database verifier and the offline verifier; pure,
 * no I/O; not thread-safe.
 *
 * <p>The first problem wins, classified by these rules:
 * <ul>
 *   <li>{@code BAD_SIGNATURE}: a checkpoint given to the verifier is not validly signed by the key,
 *       is not a checkpoint, or names another log's origin (checked before any leaf).</li>
 *   <li>{@code FORKED}: two validly signed checkpoints of the same size have different roots; or
 *       the leaves miss one checkpoint's root but match a later checkpoint's root, so the two
 *       signed trees cannot both be prefixes of one log.</li>
 *   <li>{@code INSERTED}: a leaf index arrives that was already passed (a second leaf at an index).</li>
 *   <li>{@code DELETED}: a leaf index is skipped; a leaf has neither event nor hash; an event is gone
 *       and no signed retention record covers its leaf; or leaves are missing at the end of a range
 *       given with {@link Builder#endingAt(long)}.</li>
 *   <li>{@code REORDERED}: an event's hash differs from its leaf's stored hash but equals the next
 *       leaf's stored hash, or the next leaf's event hashes to this leaf's stored hash (events moved
 *       between positions).</li>
 *   <li>{@code MODIFIED}: an event's hash differs from its leaf's stored hash otherwise; or the
 *       leaves do not hash to a signed checkpoint's root and no later checkpoint confirms them
 *       (the index is then the first leaf after the last confirmed checkpoint).</li>
 *   <li>{@code TRUNCATED}: the leaves end before the size of a signed checkpoint.</li>
 *   <li>{@code UNSEALED}: the caller reports an event past the grace period that is not a leaf,
 *       {@link #eventOutsideLog(String, boolean)}.</li>
 * </ul>
 * A caller that checks more than leaves (stored interior nodes, retention records) adds its own
 * finding with {@link #report(LogProblem)}.
 */
public final class LogVerifier {

    private final LogOrigin origin;
    private final LeafHasher hasher;
    private final List<LogCheckpoint> checkpoints;
    private final long end;
    private final TreeAppender tree;
    private int nextCheckpoint;
    private long lastConfirmedSize;
    private long leavesChecked;
    private @Nullable LogProblem problem;
    private @Nullable PendingLeaf pendingLeaf;
    private @Nullable LogCheckpoint rootMismatch;
    private long rootMismatchFrom;

    /** A leaf whose event and stored hash disagree, held until the next leaf tells a move from a change. */
    private record PendingLeaf(long index, byte[] stored, byte[] computed) {
    }

    private LogVerifier(Builder builder) {
        this.origin = builder.origin;
        this.hasher = builder.hasher;
        this.end = builder.end;
        this.tree = builder.startSize == 0 ? new TreeAppender()
                : TreeAppender.resume(builder.startSize, builder.startFrontier);
        this.lastConfirmedSize = builder.startSize;
        this.checkpoints = new ArrayList<>();
        for (SignedNote note : builder.notes) {
            LogCheckpoint checkpoint = accept(note, Objects.requireNonNull(builder.key));
            if (checkpoint == null) {
                return;
            }
            if (checkpoint.size() >= builder.startSize) {
                checkpoints.add(checkpoint);
            }
        }
        for (LogCheckpoint checkpoint : builder.vetted) {
            if (!checkpoint.origin().equals(origin.value())) {
                fail(checkpoint.size(), LogProblem.Type.BAD_SIGNATURE, "a checkpoint of origin '"
                        + LogCheckpoint.abbreviate(checkpoint.origin()) + "' was given for the log " + origin.value());
                return;
            }
            if (checkpoint.size() >= builder.startSize) {
                checkpoints.add(checkpoint);
            }
        }
        checkpoints.sort(Comparator.comparingLong(LogCheckpoint::size));
        for (int i = 1; i < checkpoints.size(); i++) {
            LogCheckpoint older = checkpoints.get(i - 1);
            LogCheckpoint newer = checkpoints.get(i);
            if (older.size() == newer.size() && !older.equals(newer)) {
                problem = new LogProblem(older.size(), LogProblem.Type.FORKED, "two signed checkpoints of size "
                        + older.size() + " have different roots");
                return;
            }
        }
        checkCheckpoints();
    }

    /**
     * Starts a verifier that checks the signatures of the checkpoints it is given.
     *
     * @param origin the log's origin; checkpoints must carry it
     * @param hasher how leaves were hashed (plain or keyed)
     * @param key the checkpoint signer's public key
     * @return a builder
     */
    public static Builder builder(LogOrigin origin, LeafHasher hasher, NoteVerifier key) {
        return new Builder(origin, hasher, Objects.requireNonNull(key, "key"));
    }

    /**
     * Starts a verifier without a signer's key: it takes only checkpoints the caller vetted itself
     * ({@link Builder#vettedCheckpoints(Collection)}), for instance a store that has no
     * verification key and checks that each stored note states its row.
     *
     * @param origin the log's origin; checkpoints must carry it
     * @param hasher how leaves were hashed (plain or keyed)
     * @return a builder
     */
    public static Builder builder(LogOrigin origin, LeafHasher hasher) {
        return new Builder(origin, hasher, null);
    }

    /**
     * Feeds the next leaf.
     *
     * @param leafIndex its index; leaves come in increasing order
     * @param storedLeafHash the hash the store kept, or {@code null} when it keeps none (an export)
     * @param event the leaf's event, or {@code null} when it no longer exists
     * @param retained whether a validly signed retention record covers this leaf (its event may be gone)
     * @return {@code false} once a problem was found, so the caller may stop reading
     * @throws IllegalArgumentException when the index is at or past the end of the range
     */
    public boolean leaf(long leafIndex, byte @Nullable [] storedLeafHash, @Nullable AuditEvent event,
            boolean retained) {
        return leafHashed(leafIndex, storedLeafHash, event == null ? null : hasher.leafHash(event), retained);
    }

    /**
     * Feeds the next leaf whose event the caller hashed itself, with the same {@link LeafHasher}
     * (for instance from the canonical bytes of a stored row, {@link LeafHasher#leafHash(byte[])}).
     *
     * @param leafIndex its index; leaves come in increasing order
     * @param storedLeafHash the hash the store kept, or {@code null} when it keeps none
     * @param eventLeafHash the leaf hash of the leaf's event, or {@code null} when it no longer exists
     * @param retained whether a validly signed retention record covers this leaf
     * @return {@code false} once a problem was found, so the caller may stop reading
     * @throws IllegalArgumentException when the index is at or past the end of the range
     */
    public boolean leafHashed(long leafIndex, byte @Nullable [] storedLeafHash, byte @Nullable [] eventLeafHash,
            boolean retained) {
        if (leafIndex >= end) {
            throw new IllegalArgumentException("leaf " + leafIndex + " lies past the end of the range, " + end);
        }
        if (problem != null) {
            return false;
        }
        byte[] computed = eventLeafHash;
        if (pendingLeaf != null) {
            resolvePendingLeaf(leafIndex, storedLeafHash, computed);
            return false;
        }
        long expected = tree.size();
        if (leafIndex < expected) {
            return fail(leafIndex, LogProblem.Type.INSERTED, "leaf " + leafIndex + " appears again after leaf "
                    + (expected - 1));
        }
        if (leafIndex > expected) {
            return fail(expected, LogProblem.Type.DELETED, leafRange(expected, leafIndex) + " missing");
        }
        leavesChecked++;
        if (storedLeafHash != null && storedLeafHash.length != MerkleTree.HASH_BYTES) {
            return fail(leafIndex, LogProblem.Type.MODIFIED, "the stored hash of leaf " + leafIndex + " has "
                    + storedLeafHash.length + " bytes, not " + MerkleTree.HASH_BYTES);
        }
        byte[] hash;
        if (computed == null) {
            if (storedLeafHash == null) {
                return fail(leafIndex, LogProblem.Type.DELETED, "leaf " + leafIndex + " has neither event nor hash");
            }
            if (!retained) {
                return fail(leafIndex, LogProblem.Type.DELETED, "the event of leaf " + leafIndex
                        + " is missing and no signed retention record covers it");
            }
            hash = storedLeafHash;
        } else if (storedLeafHash != null && !MessageDigest.isEqual(storedLeafHash, computed)) {
            pendingLeaf = new PendingLeaf(leafIndex, storedLeafHash.clone(), computed);
            tree.add(storedLeafHash);
            return true;
        } else {
            hash = computed;
        }
        tree.add(hash);
        checkCheckpoints();
        return problem == null;
    }

    /**
     * Reports an event of this organisation that is not a leaf of the log.
     *
     * @param eventId the event
     * @param pastGracePeriod whether it is older than the time the sealer may take
     * @return {@code false} once a problem was found
     */
    public boolean eventOutsideLog(String eventId, boolean pastGracePeriod) {
        if (problem == null && pastGracePeriod) {
            fail(tree.size(), LogProblem.Type.UNSEALED, "event " + eventId
                    + " is older than the grace period but not a leaf of the log");
        }
        return problem == null;
    }

    /**
     * Records a problem the caller found; the first problem wins.
     *
     * @param found the problem
     */
    public void report(LogProblem found) {
        if (problem == null) {
            problem = Objects.requireNonNull(found, "found");
        }
    }

    /**
     * Whether a problem was found so far.
     *
     * @return {@code true} after the first problem
     */
    public boolean failed() {
        return problem != null;
    }

    /**
     * Ends the verification: settles what only the end can tell (a changed last leaf, a root no
     * checkpoint confirmed, leaves missing at the end, a cut tail).
     *
     * @return the result
     */
    public LogVerification finish() {
        if (problem == null && pendingLeaf != null) {
            resolvePendingLeaf(-1, null, null);
        }
        if (problem == null && rootMismatch != null) {
            problem = unconfirmedRoot(rootMismatch);
        }
        if (problem == null && end != Long.MAX_VALUE && tree.size() < end) {
            fail(tree.size(), LogProblem.Type.DELETED, leafRange(tree.size(), end) + " missing at the end of the range");
        }
        if (problem == null && nextCheckpoint < checkpoints.size()) {
            LogCheckpoint newest = checkpoints.get(checkpoints.size() - 1);
            if (end == Long.MAX_VALUE || newest.size() <= end) {
                fail(tree.size(), LogProblem.Type.TRUNCATED, "the log ends after " + tree.size()
                        + " leaves but a signed checkpoint vouches for " + newest.size());
            }
        }
        return new LogVerification(origin.organizationId(), problem == null, leavesChecked, tree.size(), problem);
    }

    private void resolvePendingLeaf(long nextIndex, byte @Nullable [] nextStored, byte @Nullable [] nextComputed) {
        PendingLeaf pending = Objects.requireNonNull(pendingLeaf);
        pendingLeaf = null;
        boolean moved = nextIndex == pending.index() + 1
                && (nextStored != null && MessageDigest.isEqual(nextStored, pending.computed())
                        || nextComputed != null && MessageDigest.isEqual(nextComputed, pending.stored()));
        if (moved) {
            fail(pending.index(), LogProblem.Type.REORDERED, "the event of leaf " + pending.index()
                    + " belongs at a neighbouring position; leaves were swapped");
        } else {
            fail(pending.index(), LogProblem.Type.MODIFIED, "the event of leaf " + pending.index()
                    + " does not hash to the leaf hash stored for it");
        }
    }

    private void checkCheckpoints() {
        byte[] root = null;
        while (problem == null && nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).size() == tree.size()) {
            LogCheckpoint checkpoint = checkpoints.get(nextCheckpoint++);
            root = root == null ? tree.root() : root;
            if (MessageDigest.isEqual(root, checkpoint.rootHash())) {
                if (rootMismatch != null) {
                    fail(rootMismatchFrom, LogProblem.Type.FORKED, "the signed checkpoints of sizes "
                            + rootMismatch.size() + " and " + checkpoint.size() + " are not consistent: the leaves"
                            + " match the second but not the first");
                    return;
                }
                lastConfirmedSize = checkpoint.size();
            } else if (rootMismatch == null) {
                rootMismatch = checkpoint;
                rootMismatchFrom = lastConfirmedSize;
            }
        }
    }

    private @Nullable LogCheckpoint accept(SignedNote note, NoteVerifier key) {
        LogCheckpoint checkpoint;
        try {
            checkpoint = LogCheckpoint.parse(note.body());
        } catch (IllegalArgumentException e) {
            fail(0, LogProblem.Type.BAD_SIGNATURE, "a signed note is not a checkpoint: " + e.getMessage());
            return null;
        }
        if (!checkpoint.origin().equals(origin.value())) {
            fail(checkpoint.size(), LogProblem.Type.BAD_SIGNATURE, "a checkpoint of origin '"
                    + LogCheckpoint.abbreviate(checkpoint.origin()) + "' was given for the log " + origin.value());
            return null;
        }
        if (!key.verify(note)) {
            fail(checkpoint.size(), LogProblem.Type.BAD_SIGNATURE, "the checkpoint of size " + checkpoint.size()
                    + " is not validly signed by the verifier key");
            return null;
        }
        return checkpoint;
    }

    private boolean fail(long leafIndex, LogProblem.Type type, String detail) {
        if (problem == null && rootMismatch != null && type != LogProblem.Type.FORKED
                && leafIndex >= rootMismatch.size()) {
            // The signed root already disagreed with earlier leaves: that is the first problem.
            problem = unconfirmedRoot(rootMismatch);
        }
        if (problem == null) {
            problem = new LogProblem(leafIndex, type, detail);
        }
        return false;
    }

    private LogProblem unconfirmedRoot(LogCheckpoint checkpoint) {
        return new LogProblem(rootMismatchFrom, LogProblem.Type.MODIFIED, "the first " + checkpoint.size()
                + " leaves do not hash to the root of their signed checkpoint; a leaf in "
                + leafRange(rootMismatchFrom, checkpoint.size()) + " was changed");
    }

    private static String leafRange(long from, long toExclusive) {
        return toExclusive - from == 1 ? "leaf " + from : "leaves " + from + ".." + (toExclusive - 1);
    }

    /** Configures a {@link LogVerifier}. */
    public static final class Builder {

        private final LogOrigin origin;
        private final LeafHasher hasher;
        private final @Nullable NoteVerifier key;
        private final List<SignedNote> notes = new ArrayList<>();
        private final List<LogCheckpoint> vetted = new ArrayList<>();
        private long startSize;
        private List<byte[]> startFrontier = List.of();
        private long end = Long.MAX_VALUE;

        private Builder(LogOrigin origin, LeafHasher hasher, @Nullable NoteVerifier key) {
            this.origin = Objects.requireNonNull(origin, "origin");
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            this.key = key;
        }

        /**
         * Adds signed checkpoints of this log (from the store, an export, a witness), whose
         * signatures the verifier checks.
         *
         * @param signedCheckpoints the notes
         * @return this builder
         * @throws IllegalStateException when the verifier was started without a key
         */
        public Builder checkpoints(Collection<SignedNote> signedCheckpoints) {
            if (key == null && !signedCheckpoints.isEmpty()) {
                throw new IllegalStateException("signed checkpoints need the signer's key: start the verifier with"
                        + " builder(origin, hasher, key), or give checkpoints vetted elsewhere to vettedCheckpoints");
            }
            notes.addAll(signedCheckpoints);
            return this;
        }

        /**
         * Adds checkpoints of this log that the caller vetted itself (their notes' signatures and
         * statements): the verifier trusts their roots as given, checking only their origin.
         *
         * @param checkpoints the checkpoints
         * @return this builder
         */
        public Builder vettedCheckpoints(Collection<LogCheckpoint> checkpoints) {
            vetted.addAll(checkpoints);
            return this;
        }

        /**
         * Verifies a range that starts after leaf 0, from a frontier the caller trusts (for instance
         * stored nodes confirmed by a checkpoint). Checkpoints smaller than the start are skipped.
         *
         * @param size the index of the first leaf to be fed
         * @param frontierHashes the hashes of {@link MerkleTree#frontier(long) frontier(size)}
         * @return this builder
         */
        public Builder resumeAt(long size, List<byte[]> frontierHashes) {
            TreeAppender.resume(size, frontierHashes);
            this.startSize = size;
            this.startFrontier = List.copyOf(frontierHashes);
            return this;
        }

        /**
         * Ends the range before {@code size}: every leaf below it must be fed (missing ones at the end
         * are {@code DELETED}), and checkpoints beyond it do not make the log {@code TRUNCATED}.
         *
         * @param size the index after the last leaf of the range
         * @return this builder
         */
        public Builder endingAt(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("a range end cannot be negative but was " + size);
            }
            this.end = size;
            return this;
        }

        /**
         * Builds the verifier; problems with the checkpoints themselves are already recorded.
         *
         * @return the verifier
         * @throws IllegalArgumentException when the range ends before it starts
         */
        public LogVerifier build() {
            if (end < startSize) {
                throw new IllegalArgumentException("the range ends at " + end + " before it starts at " + startSize);
            }
            return new LogVerifier(this);
        }
    }
}
