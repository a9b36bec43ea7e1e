package io.auditrail.spring.web.read;

import io.auditrail.core.internal.chain.ProofReads;
import io.auditrail.core.internal.query.ReadScope;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
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

/**
 * {@code GET {base}/events/{id}/proof}, answered by core's {@link ProofReads}: the inclusion proof
 * of one event in its organisation's log, as the {@link io.auditrail.core.tlog.InclusionProofBundle} JSON the offline verifier takes, plus {@code sealed}
 * and the server's own check of it ({@code verification}). Scoped like {@code GET {base}/events/{id}}:
 * an event the caller may not read is a 404, exactly like one that does not exist. An event not
 * yet covered by a signed checkpoint is a 409 with {@code "sealed":false}.
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}")
public class AuditProofController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProofReads reads;
    private final AuditReadScopeResolver scopes;

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
        this.reads = new ProofReads(new ReadableChain(chain), store, hasher, key, originPrefix);
        this.scopes = scopes;
    }

    @GetMapping("/events/{id}/proof")
    ResponseEntity<String> proof(@PathVariable("id") String id, HttpServletRequest request) {
        ReadScope scope = ReadCallers.readScope(ReadCallers.scope(scopes));
        ProofReads.Answer answer = ReadCallers.translated(() -> reads.proof(scope, id, request.getQueryString()));
        return json(HttpStatus.valueOf(answer.status()), answer.json());
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ResponseEntity<String> badRequest(InvalidAuditQueryException e) {
        return json(HttpStatus.BAD_REQUEST, JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }

    @ExceptionHandler(AuditReadException.class)
    ResponseEntity<String> refused(AuditReadException e) {
        return json(e.status(), JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
