package io.auditrail.spring.web.read;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.store.Usage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read endpoints: list, get by id, export and usage, each confined to the caller's
 * {@link AuditReadScope}. Audit data is never cached by browsers or proxies.
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}")
public class AuditReadController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditEventReader reader;
    private final AuditEventCodec codec;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller over the application's own store.
     *
     * @param store where events are read
     * @param codec writes events in their JSON form
     * @param scopes decides what each caller may read
     */
    public AuditReadController(AuditStore store, AuditEventCodec codec, AuditReadScopeResolver scopes) {
        this(AuditEventReader.of(store), codec, scopes);
    }

    /**
     * Creates the controller over any reader, such as the hosted API's.
     *
     * @param reader where events are read
     * @param codec writes events in their JSON form
     * @param scopes decides what each caller may read
     */
    public AuditReadController(AuditEventReader reader, AuditEventCodec codec, AuditReadScopeResolver scopes) {
        this.reader = reader;
        this.codec = codec;
        this.scopes = scopes;
    }

    @GetMapping("/events")
    ResponseEntity<String> list(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters parameters = AuditQueryParameters.of(request, AuditQueryParameters.LIST);
        AuditQuery query = parameters.toQuery(scope);
        AuditPage page = reader.query(parameters.flag("total", true) ? query : query.withoutTotal());
        StringBuilder body = new StringBuilder(256 + page.events().size() * 512).append("{\"events\":[");
        for (int i = 0; i < page.events().size(); i++) {
            body.append(i == 0 ? "" : ",").append(codec.toJson(page.events().get(i)));
        }
        body.append(']');
        if (page.isTotalCounted()) {
            body.append(",\"total\":").append(page.total());
        }
        body.append(",\"limit\":").append(page.limit())
                .append(",\"offset\":").append(page.offset())
                .append(",\"next_cursor\":")
                .append(page.hasMore() ? JSON.writeValueAsString(page.nextCursor().encode()) : "null")
                .append('}');
        return json(HttpStatus.OK, body.toString());
    }

    @GetMapping("/events/{id}")
    ResponseEntity<String> get(@PathVariable("id") String id, HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        UUID eventId = parseId(id);
        AuditEvent event = reader.findById(scope.organizationId(), eventId)
                .filter(found -> scope.admin() || found.actor().id().equals(scope.actorId()))
                .orElseThrow(() -> new AuditReadException(HttpStatus.NOT_FOUND, "no event " + eventId));
        return json(HttpStatus.OK, codec.toJson(event));
    }

    @GetMapping("/events/export")
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters parameters = AuditQueryParameters.of(request, AuditQueryParameters.EXPORT);
        String formatName = parameters.text("format");
        ExportFormat format = ExportFormat.fromName(formatName == null ? "csv" : formatName);
        AuditQuery query = parameters.toQuery(scope);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename("audit-events." + extension(format)).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .cacheControl(CacheControl.noStore())
                .body(out -> reader.export(query, format, out));
    }

    /** The organisation's allowance is the admins' business; a member's own count is in the list. */
    @GetMapping("/usage")
    ResponseEntity<String> usage(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.scope(scopes);
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        if (!scope.admin()) {
            throw new AuditReadException(HttpStatus.FORBIDDEN, "only organisation admins may read the usage");
        }
        Usage usage = reader.usage(scope.organizationId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", usage.organizationId());
        body.put("month", usage.month().toString());
        body.put("events_this_month", usage.eventsThisMonth());
        body.put("monthly_limit", usage.monthlyLimit());
        body.put("retention_days", usage.retentionDays());
        return json(HttpStatus.OK, JSON.writeValueAsString(body));
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ResponseEntity<String> badRequest(InvalidAuditQueryException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AuditReadException.class)
    ResponseEntity<String> refused(AuditReadException e) {
        return error(e.status(), e.getMessage());
    }

    private AuditReadScope currentScope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new AuditReadException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        return scopes.resolve(authentication).orElseThrow(() -> new AuditReadException(HttpStatus.FORBIDDEN,
                "you belong to no organisation, so there is no audit trail you may read"));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditQueryException("id must be a UUID but was '" + id + "'");
        }
    }

    private static String extension(ExportFormat format) {
        return switch (format) {
            case CSV -> "csv";
            case JSON -> "json";
            case JSON_LINES -> "jsonl";
        };
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return json(status, JSON.writeValueAsString(Map.of("error", message)));
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
