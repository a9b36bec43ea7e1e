package io.auditrail.spring.web.read;

import io.auditrail.core.internal.query.AuditReads;
import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.internal.query.ReadScope;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditReader;
import io.auditrail.core.store.InvalidAuditQueryException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The read endpoints: list, get by id, export and usage, each confined to the caller's
 * {@link AuditReadScope}; the reads themselves are core's {@link AuditReads}, shared with Micronaut. Audit data is never cached by browsers or proxies.
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}")
public class AuditReadController {

    private final AuditReader reader;
    private final AuditReads reads;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller.
     *
     * @param reader where events are read: the application's store, or the hosted API
     * @param codec writes events in their JSON form
     * @param scopes decides what each caller may read
     */
    public AuditReadController(AuditReader reader, AuditEventCodec codec, AuditReadScopeResolver scopes) {
        this.reader = reader;
        this.reads = new AuditReads(reader, codec);
        this.scopes = scopes;
    }

    @GetMapping("/events")
    ResponseEntity<String> list(HttpServletRequest request) {
        return json(HttpStatus.OK, reads.list(currentScope(), request.getQueryString()));
    }

    @GetMapping("/events/{id}")
    ResponseEntity<String> get(@PathVariable("id") String id, HttpServletRequest request) {
        return json(HttpStatus.OK, reads.get(currentScope(), id, request.getQueryString()));
    }

    @GetMapping("/events/export")
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        AuditReads.Export export = reads.export(currentScope(), request.getQueryString());
        ContentDisposition disposition = ContentDisposition.attachment().filename(export.fileName()).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.format().mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .cacheControl(CacheControl.noStore())
                .body(out -> reader.export(export.query(), export.format(), out));
    }

    /** The organisation's allowance is the admins' business; a member's own count is in the list. */
    @GetMapping("/usage")
    ResponseEntity<String> usage(HttpServletRequest request) {
        return json(HttpStatus.OK, reads.usage(currentScope(), request.getQueryString()));
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ResponseEntity<String> badRequest(InvalidAuditQueryException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AuditReadException.class)
    ResponseEntity<String> refused(AuditReadException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(ReadRefusedException.class)
    ResponseEntity<String> refused(ReadRefusedException e) {
        return error(HttpStatus.valueOf(e.status()), e.getMessage());
    }

    private ReadScope currentScope() {
        AuditReadScope scope = ReadCallers.scope(scopes);
        return new ReadScope(scope.organizationId(), scope.actorId(), scope.admin());
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return json(status, AuditReads.errorBody(message));
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
