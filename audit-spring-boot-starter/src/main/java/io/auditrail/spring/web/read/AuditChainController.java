package io.auditrail.spring.web.read;

import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.internal.chain.ChainReads;
import io.auditrail.core.internal.query.ReadScope;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
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
 * The caller's organisation's Merkle log as a whole, always the caller's own organisation (all
 * but the export answered by core's {@link ChainReads}):
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

    private final JdbcAuditChain chain;
    private final ChainReads reads;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller.
     *
     * @param chain the log
     * @param scopes decides whose log the caller may read
     */
    public AuditChainController(JdbcAuditChain chain, AuditReadScopeResolver scopes) {
        this.chain = chain;
        this.reads = new ChainReads(new ReadableChain(chain));
        this.scopes = scopes;
    }

    @GetMapping("/chain/verify")
    ResponseEntity<String> verify(HttpServletRequest request) {
        ReadScope scope = ReadCallers.readScope(ReadCallers.scope(scopes));
        return json(HttpStatus.OK, ReadCallers.translated(() -> reads.verify(scope, request.getQueryString())));
    }

    @GetMapping("/chain/checkpoint")
    ResponseEntity<String> checkpoint(HttpServletRequest request) {
        ReadScope scope = ReadCallers.readScope(ReadCallers.scope(scopes));
        String note = ReadCallers.translated(() -> reads.checkpoint(scope, request.getQueryString()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .cacheControl(CacheControl.noStore()).body(note);
    }

    @GetMapping("/chain/consistency")
    ResponseEntity<String> consistency(HttpServletRequest request) {
        ReadScope scope = ReadCallers.readScope(ReadCallers.scope(scopes));
        return json(HttpStatus.OK, ReadCallers.translated(() -> reads.consistency(scope, request.getQueryString())));
    }

    @GetMapping("/chain/checkpoints")
    ResponseEntity<StreamingResponseBody> checkpoints(HttpServletRequest request) {
        ReadScope scope = ReadCallers.readScope(ReadCallers.scope(scopes));
        List<String> lines = ReadCallers.translated(() -> reads.checkpointLines(scope, request.getQueryString()));
        return jsonLines("audit-checkpoints.jsonl").body(out -> LogExportWriter.writeLines(lines, out));
    }

    @GetMapping("/chain/export")
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.admin(scopes, "export the log");
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        ReadScope readScope = ReadCallers.readScope(scope);
        long size = ReadCallers.translated(() -> reads.latestSize(readScope));
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

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
