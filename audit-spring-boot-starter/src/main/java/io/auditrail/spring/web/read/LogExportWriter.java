package io.auditrail.spring.web.read;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.jdbc.chain.InclusionProof;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes an organisation's log up to its newest checkpoint as {@link LogExportLine} JSON lines in
 * leaf order, for the offline verifier. The store's public API has no leaf stream yet, so each
 * event's leaf index comes from its inclusion proof and the lines are ordered in memory: beyond
 * {@link #MAX_EVENTS} leaves the export is refused (the endpoint's 400) instead of holding an
 * unbounded log in the heap. Leaves whose events retention purged are not in it.
 */
final class LogExportWriter {

    /** The most events one export orders in memory. */
    static final int MAX_EVENTS = 100_000;

    private static final int PAGE = AuditQuery.MAX_LIMIT;

    private final JdbcAuditChain chain;
    private final AuditStore store;

    LogExportWriter(JdbcAuditChain chain, AuditStore store) {
        this.chain = chain;
        this.store = store;
    }

    /** The organisation's leaves below a tree size with their events, by leaf index; {@code null} when too many. */
    @Nullable Map<Long, AuditEvent> leaves(String organizationId, long treeSize) {
        Map<Long, AuditEvent> leaves = new TreeMap<>();
        AuditQuery query = AuditQuery.builder().organizationId(organizationId).limit(PAGE).countTotal(false).build();
        while (true) {
            AuditPage page = store.query(query);
            for (AuditEvent event : page.events()) {
                InclusionProof proof = chain.inclusionProof(event.id());
                if (proof != null && proof.leafIndex() < treeSize) {
                    leaves.put(proof.leafIndex(), event);
                    if (leaves.size() > MAX_EVENTS) {
                        return null;
                    }
                }
            }
            if (!page.hasMore()) {
                return leaves;
            }
            query = query.after(page.nextCursor());
        }
    }

    static void write(Map<Long, AuditEvent> leaves, OutputStream out) throws IOException {
        for (Map.Entry<Long, AuditEvent> leaf : leaves.entrySet()) {
            out.write(LogExportLine.of(leaf.getKey(), leaf.getValue()).toJson().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
