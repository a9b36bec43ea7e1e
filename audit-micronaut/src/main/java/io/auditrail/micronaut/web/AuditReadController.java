package io.auditrail.micronaut.web;

import io.auditrail.core.internal.query.AuditReads;
import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.internal.query.ReadScope;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.utils.SecurityService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The read endpoints: list, get by id, export and usage, each confined to the caller's
 * {@link AuditReadScope}, answering exactly as the starter's do (core's {@link AuditReads}).
 * Open to anonymous requests at the security layer so that a caller without credentials gets
 * this controller's JSON 401; audit data is never cached by browsers or proxies.
 */
@Controller("${auditrail.web.base-path:/audit}")
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.web.enabled", value = "true")
@Requires(beans = AuditStore.class)
@Requires(classes = SecurityService.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditReadController {

    private final AuditStore store;
    private final AuditReads reads;
    private final SecurityService security;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller.
     *
     * @param store where events are read
     * @param codec writes events in their JSON form
     * @param security the current authentication
     * @param scopes decides what each caller may read
     */
    public AuditReadController(AuditStore store, AuditEventCodec codec, SecurityService security,
            AuditReadScopeResolver scopes) {
        this.store = store;
        this.reads = new AuditReads(store, codec);
        this.security = security;
        this.scopes = scopes;
    }

    @Get("/events")
    MutableHttpResponse<String> list(HttpRequest<?> request) {
        return json(HttpStatus.OK, reads.list(currentScope(), request.getUri().getRawQuery()));
    }

    @Get("/events/export")
    MutableHttpResponse<Writable> export(HttpRequest<?> request) {
        AuditReads.Export export = reads.export(currentScope(), request.getUri().getRawQuery());
        return HttpResponse.<Writable>ok(new ExportBody(store, export))
                .contentType(MediaType.of(export.format().mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/events/{id}")
    MutableHttpResponse<String> get(@PathVariable("id") String id, HttpRequest<?> request) {
        return json(HttpStatus.OK, reads.get(currentScope(), id, request.getUri().getRawQuery()));
    }

    /** The organisation's allowance is the admins' business; a member's own count is in the list. */
    @Get("/usage")
    MutableHttpResponse<String> usage(HttpRequest<?> request) {
        return json(HttpStatus.OK, reads.usage(currentScope(), request.getUri().getRawQuery()));
    }

    @Error(exception = InvalidAuditQueryException.class)
    MutableHttpResponse<String> badRequest(InvalidAuditQueryException e) {
        return json(HttpStatus.BAD_REQUEST, AuditReads.errorBody(e.getMessage()));
    }

    @Error(exception = ReadRefusedException.class)
    MutableHttpResponse<String> refused(ReadRefusedException e) {
        return json(HttpStatus.valueOf(e.status()), AuditReads.errorBody(e.getMessage()));
    }

    private ReadScope currentScope() {
        return ReadCallers.scope(security, scopes);
    }

    private static MutableHttpResponse<String> json(HttpStatus status, String body) {
        return ReadCallers.json(status, body);
    }

    /** Streams the export straight from the store to the response. */
    private record ExportBody(AuditStore store, AuditReads.Export export) implements Writable {

        @Override
        public void writeTo(OutputStream out, Charset charset) {
            store.export(export.query(), export.format(), out);
        }

        @Override
        public void writeTo(Writer out) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.export(export.query(), export.format(), bytes);
            out.write(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
