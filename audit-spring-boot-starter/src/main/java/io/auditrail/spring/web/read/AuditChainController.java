package io.auditrail.spring.web.read;

import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's organisation's Merkle log as a whole, always the caller's own organisation:
 * <ul>
 * <li>{@code GET {base}/chain/verify?from=&to=} (admins): verifies the log, whole or the events of
 * a range of leaf indexes; 200 with {@code intact} and the first problem's leaf index and class.</li>
 * <li>{@code GET {base}/chain/checkpoint} (members): the newest signed checkpoint note, as text.</li>
 * <li>{@code GET {base}/chain/consistency?from=M&to=N} (members): the RFC 9162 consistency proof
 * between two checkpointed tree sizes ({@code to} defaults to the newest checkpoint), with both
 * signed notes; 404 for a size no stored checkpoint has. Members may ask: tree sizes and roots are
 * in every proof bundle they may fetch anyway.</li>
 * <li>{@code GET {base}/chain/checkpoints} (members): every stored checkpoint as JSON lines, the
 * format the offline verifier's {@code --checkpoints} reads.</li>
 * <li>{@code GET {base}/chain/export} (admins): the log up to the newest checkpoint as
 * JSON lines in leaf order, streamed from the database, purged events as their leaf hashes,
 * for the offline verifier.</li>
 * </ul>
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}")
public class AuditChainController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CONSISTENCY = Set.of("from", "to");

    private final JdbcAuditChain chain;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller.
     *
     * @param chain the log
     * @param scopes decides whose log the caller may read
     */
    public AuditChainController(JdbcAuditChain chain, AuditReadScopeResolver scopes) {
        this.chain = chain;
        this.scopes = scopes;
    }

    @GetMapping("/chain/verify")
    ResponseEntity<String> verify(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.admin(scopes, "verify the log");
        AuditQueryParameters parameters = AuditQueryParameters.of(request, AuditQueryParameters.VERIFY);
        Long first = parameters.number("from", 0, Long.MAX_VALUE);
        Long last = parameters.number("to", 0, Long.MAX_VALUE);
        if (first != null && last != null && first > last) {
            throw new InvalidAuditQueryException("from must not be after to");
        }
        LogVerification result = chain.verify(scope.organizationId(), first, last);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", scope.organizationId());
        body.put("intact", result.intact());
        body.put("leaves_checked", result.leavesChecked());
        body.put("tree_size", result.treeSize());
        if (result.problem() == null) {
            body.put("problem", null);
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("leaf_index", result.problem().leafIndex());
            problem.put("type", result.problem().type().name());
            problem.put("detail", result.problem().detail());
            body.put("problem", problem);
        }
        return json(HttpStatus.OK, JSON.writeValueAsString(body));
    }

    @GetMapping("/chain/checkpoint")
    ResponseEntity<String> checkpoint(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        SignedCheckpoint latest = latest(scope);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .cacheControl(CacheControl.noStore()).body(latest.note().format());
    }

    @GetMapping("/chain/consistency")
    ResponseEntity<String> consistency(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters parameters = AuditQueryParameters.of(request, CONSISTENCY);
        Long from = parameters.number("from", 1, Long.MAX_VALUE);
        Long to = parameters.number("to", 1, Long.MAX_VALUE);
        if (from == null) {
            throw new InvalidAuditQueryException("from is required: the tree size of a checkpoint you hold");
        }
        if (to != null && from > to) {
            throw new InvalidAuditQueryException("from (" + from + ") must not be after to (" + to + ")");
        }
        SignedCheckpoint newer = to == null ? latest(scope) : checkpointOfSize(scope, "to", to);
        long size = newer.checkpoint().size();
        if (from > size) {
            throw new InvalidAuditQueryException("from " + from + " is past the newest checkpoint's tree size, " + size);
        }
        SignedCheckpoint older = checkpointOfSize(scope, "from", from);
        List<String> proof = new ArrayList<>();
        chain.consistencyProof(scope.organizationId(), from, size)
                .forEach(hash -> proof.add(Base64.getEncoder().encodeToString(hash)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", scope.organizationId());
        body.put("from", from);
        body.put("to", size);
        body.put("proof", proof);
        body.put("from_checkpoint", older.note().format());
        body.put("checkpoint", newer.note().format());
        return json(HttpStatus.OK, JSON.writeValueAsString(body));
    }

    @GetMapping("/chain/checkpoints")
    ResponseEntity<StreamingResponseBody> checkpoints(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        String organizationId = scope.organizationId();
        List<SignedNote> notes = new ArrayList<>();
        chain.checkpoints(organizationId).forEach(checkpoint -> notes.add(checkpoint.note()));
        notes.addAll(chain.retentionRecords(organizationId));
        return jsonLines("audit-checkpoints.jsonl")
                .body(out -> LogExportWriter.writeCheckpoints(organizationId, notes, out));
    }

    @GetMapping("/chain/export")
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.admin(scopes, "export the log");
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        long size = latest(scope).checkpoint().size();
        String organizationId = scope.organizationId();
        return jsonLines("audit-log.jsonl").header("Auditrail-Tree-Size", Long.toString(size))
                .body(out -> LogExportWriter.writeLeaves(chain, organizationId, size, out));
    }

    private static ResponseEntity.BodyBuilder jsonLines(String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jsonl;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .cacheControl(CacheControl.noStore());
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ResponseEntity<String> badRequest(InvalidAuditQueryException e) {
        return json(HttpStatus.BAD_REQUEST, JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }

    @ExceptionHandler(AuditReadException.class)
    ResponseEntity<String> refused(AuditReadException e) {
        return json(e.status(), JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }

    private SignedCheckpoint latest(AuditReadScope scope) {
        SignedCheckpoint latest = chain.latestCheckpoint(scope.organizationId());
        if (latest == null) {
            throw new AuditReadException(HttpStatus.NOT_FOUND, "your organisation's log has no checkpoint yet");
        }
        return latest;
    }

    /** The stored checkpoint of a size whose note vouches for it; 404 naming the size when there is none. */
    private SignedCheckpoint checkpointOfSize(AuditReadScope scope, String parameter, long size) {
        SignedCheckpoint checkpoint = chain.checkpoint(scope.organizationId(), size);
        if (checkpoint == null) {
            throw new AuditReadException(HttpStatus.NOT_FOUND, parameter + " " + size + " is the size of no checkpoint"
                    + " of your organisation's log; GET chain/checkpoints lists them");
        }
        return checkpoint;
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
