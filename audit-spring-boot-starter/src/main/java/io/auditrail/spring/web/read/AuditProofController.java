package io.auditrail.spring.web.read;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.jdbc.chain.InclusionProof;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET {base}/events/{id}/proof}: the inclusion proof of one event in its organisation's
 * log, as the {@link InclusionProofBundle} JSON the offline verifier takes, plus {@code sealed}
 * and the server's own check of it ({@code verification}). Scoped like {@code GET {base}/events/{id}}:
 * an event the caller may not read is a 404, exactly like one that does not exist. An event not
 * yet covered by a signed checkpoint is a 409 with {@code "sealed":false}.
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}")
public class AuditProofController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcAuditChain chain;
    private final AuditStore store;
    private final AuditReadScopeResolver scopes;
    private final LeafHasher hasher;
    private final @Nullable NoteVerifier key;
    private final String originPrefix;

    /**
     * Creates the controller.
     *
     * @param chain the log proofs come from
     * @param store where events are read, scoped
     * @param scopes decides what each caller may read
     * @param hasher how the log hashes leaves, for the server's check
     * @param key the checkpoint verifier key, or {@code null} when none is configured (proofs are then served unchecked)
     * @param originPrefix the deployment's origin prefix
     */
    public AuditProofController(JdbcAuditChain chain, AuditStore store, AuditReadScopeResolver scopes,
            LeafHasher hasher, @Nullable NoteVerifier key, String originPrefix) {
        this.chain = chain;
        this.store = store;
        this.scopes = scopes;
        this.hasher = hasher;
        this.key = key;
        this.originPrefix = originPrefix;
    }

    @GetMapping("/events/{id}/proof")
    ResponseEntity<String> proof(@PathVariable("id") String id, HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        UUID eventId = ReadCallers.eventId(id);
        AuditEvent event = ReadCallers.event(scope, store, eventId);
        InclusionProof proof = chain.inclusionProof(eventId);
        if (proof == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "event " + eventId + " is not in a signed checkpoint yet; it is sealed within seconds"
                    + " and covered by the next checkpoint");
            body.put("sealed", false);
            body.put("event_id", eventId.toString());
            return json(HttpStatus.CONFLICT, JSON.writeValueAsString(body));
        }
        if (!Objects.equals(proof.organizationId(), scope.organizationId())) {
            throw new AuditReadException(HttpStatus.NOT_FOUND, "no event " + eventId);
        }
        InclusionProofBundle bundle = new InclusionProofBundle(event, proof.leafIndex(), proof.treeSize(),
                proof.path(), proof.checkpoint().note().format());
        ObjectNode body = (ObjectNode) JSON.readTree(bundle.toJson());
        body.put("sealed", true);
        body.set("verification", verification(bundle));
        return json(HttpStatus.OK, body.toString());
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ResponseEntity<String> badRequest(InvalidAuditQueryException e) {
        return json(HttpStatus.BAD_REQUEST, JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }

    @ExceptionHandler(AuditReadException.class)
    ResponseEntity<String> refused(AuditReadException e) {
        return json(e.status(), JSON.writeValueAsString(Map.of("error", e.getMessage())));
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

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
