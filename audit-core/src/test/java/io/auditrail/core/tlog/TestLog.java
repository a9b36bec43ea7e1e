package io.auditrail.core.tlog;

import io.auditrail.core.TestEvents;
import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One organisation's log built in memory: events, leaf hashes, stored nodes and signed checkpoints. */
final class TestLog {

    static final NoteSigner SIGNER = NoteSigner.ed25519("auditrail-test", ChainKeys.generate().getPrivate());
    static final NoteSigner STRANGER = NoteSigner.ed25519("auditrail-test", ChainKeys.generate().getPrivate());

    final LogOrigin origin;
    final LeafHasher hasher;
    final List<AuditEvent> events = new ArrayList<>();
    final List<byte[]> leaves = new ArrayList<>();
    final Map<NodeId, byte[]> nodes = new HashMap<>();

    TestLog(@Nullable String organizationId, int size) {
        this(organizationId, size, LeafHasher.sha256());
    }

    TestLog(@Nullable String organizationId, int size, LeafHasher hasher) {
        this.origin = LogOrigin.of(LogOrigin.DEFAULT_PREFIX, organizationId);
        this.hasher = hasher;
        TreeAppender appender = new TreeAppender();
        for (int i = 0; i < size; i++) {
            AuditEvent event = TestEvents.invoiceDeleted().organizationId(organizationId)
                    .resource(Resource.of("invoice", "inv-" + i)).build();
            events.add(event);
            byte[] leaf = hasher.leafHash(event);
            leaves.add(leaf);
            appender.append(leaf).forEach(node -> nodes.put(node.id(), node.hash()));
        }
    }

    byte[] root(int size) {
        return MerkleTree.root(leaves.subList(0, size));
    }

    SignedNote checkpoint(int size) {
        return SIGNER.sign(new LogCheckpoint(origin.value(), size, root(size)));
    }

    List<byte[]> frontier(long size) {
        return MerkleTree.frontier(size).stream().map(nodes::get).toList();
    }

    LogVerifier.Builder verifier(SignedNote... checkpoints) {
        return LogVerifier.builder(origin, hasher, SIGNER.verifier()).checkpoints(List.of(checkpoints));
    }

    /** Feeds every leaf with its stored hash and event, then finishes. */
    LogVerification verifyAll(LogVerifier verifier, boolean withStoredHashes) {
        for (int i = 0; i < events.size(); i++) {
            verifier.leaf(i, withStoredHashes ? leaves.get(i) : null, events.get(i), false);
        }
        return verifier.finish();
    }

    AuditEvent changed(int index) {
        return events.get(index).toBuilder().action("invoice.paid").build();
    }
}
