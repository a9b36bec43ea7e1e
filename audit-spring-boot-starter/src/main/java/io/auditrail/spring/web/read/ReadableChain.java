package io.auditrail.spring.web.read;

import io.auditrail.core.internal.chain.ChainReads;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.chain.InclusionProof;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JDBC store's log as core's {@link ChainReads} reads it. */
final class ReadableChain implements ChainReads.ReadableLog {

    private final JdbcAuditChain chain;

    ReadableChain(JdbcAuditChain chain) {
        this.chain = chain;
    }

    @Override
    public ChainReads.@Nullable Proof inclusionProof(UUID eventId) {
        InclusionProof proof = chain.inclusionProof(eventId);
        return proof == null ? null : new ChainReads.Proof(proof.organizationId(), proof.leafIndex(),
                proof.treeSize(), proof.path(), proof.checkpoint().note());
    }

    @Override
    public ChainReads.@Nullable Checkpoint latestCheckpoint(String organizationId) {
        return checkpoint(chain.latestCheckpoint(organizationId));
    }

    @Override
    public ChainReads.@Nullable Checkpoint checkpoint(String organizationId, long size) {
        return checkpoint(chain.checkpoint(organizationId, size));
    }

    @Override
    public List<byte[]> consistencyProof(String organizationId, long from, long to) {
        return chain.consistencyProof(organizationId, from, to);
    }

    @Override
    public List<SignedNote> checkpointNotes(String organizationId) {
        List<SignedNote> notes = new ArrayList<>();
        chain.checkpoints(organizationId).forEach(checkpoint -> notes.add(checkpoint.note()));
        notes.addAll(chain.retentionRecords(organizationId));
        return notes;
    }

    @Override
    public LogVerification verify(String organizationId, @Nullable Long from, @Nullable Long to) {
        return chain.verify(organizationId, from, to);
    }

    private static ChainReads.@Nullable Checkpoint checkpoint(@Nullable SignedCheckpoint checkpoint) {
        return checkpoint == null ? null : new ChainReads.Checkpoint(checkpoint.checkpoint().size(), checkpoint.note());
    }
}
