package io.auditrail.core.internal.chain;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.internal.query.AuditReads;
import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.internal.query.ReadScope;
import io.auditrail.core.store.AuditReader;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.NoteVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /events/{id}/proof}'s answers, framework-free, so that the Spring Boot starter and the
 * Micronaut module answer alike: the event's {@link InclusionProofBundle}, scoped like the event
 * itself, with the server's own check of it. Refuses with {@link ReadRefusedException} (status and
 * message) or {@link InvalidAuditQueryException} (400).
 */
public final class ProofReads {

    /**
     * An answer with a status other than the usual 200.
     *
     * @param status the HTTP status
     * @param json the JSON body
     */
    public record Answer(int status, String json) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChainReads.ReadableLog log;
    private final AuditReader store;
    private final LeafHasher hasher;
    private final @Nullable NoteVerifier key;
    private final String originPrefix;

    /**
     * Creates the reads.
     *
     * @param log the log proofs come from
     * @param store where events are read, scoped
     * @param hasher how the log hashes leaves, for the server's check of a proof
     * @param key the checkpoint verifier key, or {@code null} when none is configured (proofs are then served unchecked)
     * @param originPrefix the deployment's origin prefix
     */
    public ProofReads(ChainReads.ReadableLog log, AuditReader store, LeafHasher hasher, @Nullable NoteVerifier key,
            String originPrefix) {
        this.log = log;
        this.store = store;
        this.hasher = hasher;
        this.key = key;
        this.originPrefix = originPrefix;
    }

    /**
     * {@code GET /events/{id}/proof}: the {@link InclusionProofBundle} JSON plus {@code sealed} and
     * the server's own check ({@code verification}); 409 with {@code "sealed":false} before a
     * checkpoint covers the event.
     *
     * @param scope the caller's scope
     * @param id the event id as given
     * @param rawQuery the query string, which must be empty
     * @return 200 or 409 with its body
     * @throws ReadRefusedException (404) for an event the caller may not read, exactly as for one that does not exist
     */
    public Answer proof(ReadScope scope, String id, @Nullable String rawQuery) {
        AuditReads.parameters(rawQuery, AuditReads.NONE);
        UUID eventId = parseId(id);
        AuditEvent event = store.findById(scope.organizationId(), eventId)
                .filter(found -> scope.admin() || found.actor().id().equals(scope.actorId()))
                .orElseThrow(() -> new ReadRefusedException(404, "no event " + eventId));
        ChainReads.Proof proof = log.inclusionProof(eventId);
        if (proof == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "event " + eventId + " is not in a signed checkpoint yet; it is sealed within seconds"
                    + " and covered by the next checkpoint");
            body.put("sealed", false);
            body.put("event_id", eventId.toString());
            return new Answer(409, JSON.writeValueAsString(body));
        }
        if (!Objects.equals(proof.organizationId(), scope.organizationId())) {
            throw new ReadRefusedException(404, "no event " + eventId);
        }
        InclusionProofBundle bundle = new InclusionProofBundle(event, proof.leafIndex(), proof.treeSize(),
                proof.path(), proof.note().format());
        ObjectNode body = (ObjectNode) JSON.readTree(bundle.toJson());
        body.put("sealed", true);
        body.set("verification", verification(bundle));
        return new Answer(200, body.toString());
    }

    /** What the server checked, in words the viewer shows, and whether it held. */
    private ObjectNode verification(InclusionProofBundle bundle) {
        ObjectNode verification = JSON.createObjectNode();
        if (key == null) {
            verification.put("verified", false);
            verification.put("checked", "nothing: no checkpoint verifier key is configured (auditrail.chain.public-key"
                    + " or signing-key)");
            verification.putNull("key_name");
            verification.putNull("problem");
            return verification;
        }
        LogVerification result = bundle.verify(hasher, key, originPrefix);
        verification.put("verified", result.intact());
        verification.put("checked", "the event's leaf hash and the " + bundle.path().size()
                + "-hash inclusion path lead to the root of the tree of " + bundle.treeSize()
                + " leaves, and that root is in a checkpoint note validly signed by the configured key");
        verification.put("key_name", key.keyName());
        if (result.problem() == null) {
            verification.putNull("problem");
        } else {
            verification.put("problem", result.problem().type().name() + ": " + result.problem().detail());
        }
        return verification;
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditQueryException("id must be a UUID but was '" + id + "'");
        }
    }
}
