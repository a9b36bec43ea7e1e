/**
 * A Merkle transparency log per organisation, independent of where events are stored: RFC 9162
 * tree hashing ({@link io.auditrail.core.tlog.LeafHasher}, {@link io.auditrail.core.tlog.MerkleTree},
 * {@link io.auditrail.core.tlog.TreeAppender}), inclusion and consistency proofs, checkpoints in the
 * C2SP tlog-checkpoint and signed-note formats ({@link io.auditrail.core.tlog.LogCheckpoint},
 * {@link io.auditrail.core.tlog.SignedNote}), the streaming verification shared by the database
 * verifier and the offline verifier ({@link io.auditrail.core.tlog.LogVerifier}), and the sinks that
 * publish checkpoints. JDK crypto and Jackson only.
 */
@NullMarked
package io.auditrail.core.tlog;

import org.jspecify.annotations.NullMarked;
