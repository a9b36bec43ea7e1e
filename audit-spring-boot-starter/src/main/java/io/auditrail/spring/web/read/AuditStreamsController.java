package io.auditrail.spring.web.read;

import io.auditrail.core.internal.stream.http.StreamRequests;
import io.auditrail.core.internal.stream.http.StreamViews;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.stream.InvalidStreamException;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamException;
import io.auditrail.core.stream.StreamHealth;
import io.auditrail.core.stream.StreamNotFoundException;
import io.auditrail.core.stream.StreamService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organisation's log streams, for its admins only (members get 403, and a stream of
 * another organisation is answered 404 as if it did not exist):
 * <ul>
 * <li>{@code GET {base}/streams}, {@code POST {base}/streams} (201 with the stream);</li>
 * <li>{@code GET}, {@code PATCH}, {@code DELETE {base}/streams/{id}};</li>
 * <li>{@code POST {base}/streams/{id}/test}: sends one signed test event and reports the answer;</li>
 * <li>{@code POST {base}/streams/{id}/pause} and {@code .../resume}.</li>
 * </ul>
 * Secrets are accepted on write and never returned. A bad field is a 400 whose message starts with
 * the field; a URL the destination guard refuses says why. The list's answer names the CSRF header
 * and token ({@code Auditrail-Csrf-Header}, {@code Auditrail-Csrf-Token}) when Spring Security's
 * CSRF protection is on, so that the viewer can send its writes.
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}/streams")
public class AuditStreamsController {

    private static final Logger log = LoggerFactory.getLogger(AuditStreamsController.class);
    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    private final StreamService streams;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller.
     *
     * @param streams the stream admin operations
     * @param scopes decides whose streams the caller manages, and whether they may
     */
    public AuditStreamsController(StreamService streams, AuditReadScopeResolver scopes) {
        this.streams = streams;
        this.scopes = scopes;
    }

    @GetMapping("")
    ResponseEntity<String> list(HttpServletRequest request) {
        String organization = admin(request);
        List<Map.Entry<StreamDefinition, StreamHealth>> views = streams.list(organization).stream()
                .map(stream -> (Map.Entry<StreamDefinition, StreamHealth>) new AbstractMap.SimpleImmutableEntry<>(
                        stream, streams.health(organization, stream.id())))
                .toList();
        ResponseEntity.BodyBuilder answer = ok(HttpStatus.OK);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            answer.header("Auditrail-Csrf-Header", csrf.getHeaderName()).header("Auditrail-Csrf-Token", csrf.getToken());
        }
        return answer.body(StreamViews.list(views));
    }

    @PostMapping("")
    ResponseEntity<String> create(HttpServletRequest request) {
        String organization = admin(request);
        StreamDefinition created = streams.create(organization, StreamRequests.newStream(body(request)));
        log.info("Stream {} of organisation {} created ({} {})", created.id(), organization,
                StreamRequests.name(created.kind()), created.url().getHost());
        return ok(HttpStatus.CREATED).location(URI.create(request.getRequestURI() + "/" + created.id()))
                .body(view(organization, created));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> get(@PathVariable("id") String id, HttpServletRequest request) {
        String organization = admin(request);
        StreamDefinition stream = streams.get(organization, streamId(id))
                .orElseThrow(() -> new StreamNotFoundException(id));
        return ok(HttpStatus.OK).body(view(organization, stream));
    }

    @PatchMapping("/{id}")
    ResponseEntity<String> update(@PathVariable("id") String id, HttpServletRequest request) {
        String organization = admin(request);
        String streamId = streamId(id);
        StreamDefinition changed = streams.update(organization, streamId, StreamRequests.update(body(request)));
        return ok(HttpStatus.OK).body(view(organization, changed));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") String id, HttpServletRequest request) {
        String organization = admin(request);
        if (!streams.delete(organization, streamId(id))) {
            throw new StreamNotFoundException(id);
        }
        log.info("Stream {} of organisation {} deleted", id, organization);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @PostMapping("/{id}/test")
    ResponseEntity<String> test(@PathVariable("id") String id, HttpServletRequest request) {
        String organization = admin(request);
        return ok(HttpStatus.OK).body(StreamViews.test(streams.sendTestEvent(organization, streamId(id))));
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<String> pause(@PathVariable("id") String id, HttpServletRequest request) {
        String organization = admin(request);
        return ok(HttpStatus.OK).body(view(organization, streams.pause(organization, streamId(id))));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<String> resume(@PathVariable("id") String id, HttpServletRequest request) {
        String organization = admin(request);
        return ok(HttpStatus.OK).body(view(organization, streams.resume(organization, streamId(id))));
    }

    @ExceptionHandler(InvalidStreamException.class)
    ResponseEntity<String> invalid(InvalidStreamException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ResponseEntity<String> badQuery(InvalidAuditQueryException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(StreamNotFoundException.class)
    ResponseEntity<String> notFound(StreamNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AuditReadException.class)
    ResponseEntity<String> refused(AuditReadException e) {
        return error(e.status(), e.getMessage());
    }

    /** The database or the engine failed: the caller may try again; the cause is for the operator's log. */
    @ExceptionHandler(StreamException.class)
    ResponseEntity<String> unavailable(StreamException e) {
        log.warn("Stream operation failed: {}", e.toString(), e);
        return error(HttpStatus.SERVICE_UNAVAILABLE, "streams are unavailable for now; try again later");
    }

    /** The caller's organisation, when they are one of its admins; no query parameter is accepted. */
    private String admin(HttpServletRequest request) {
        AuditReadScope scope = ReadCallers.admin(scopes, "manage streams");
        AuditQueryParameters.of(request, AuditQueryParameters.NONE);
        return scope.organizationId();
    }

    private String view(String organization, StreamDefinition stream) {
        return StreamViews.stream(stream, streams.health(organization, stream.id()));
    }

    /** Stream ids are UUIDs; anything else names no stream of anyone's. */
    private static String streamId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new AuditReadException(HttpStatus.NOT_FOUND, "no stream " + id.replaceAll("[^A-Za-z0-9._~-]", "?"));
        }
    }

    private static String body(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !isJson(type)) {
            throw new AuditReadException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json but was " + (type == null ? "absent" : "'" + type + "'"));
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(StreamRequests.MAX_BODY_BYTES + 1);
            if (bytes.length > StreamRequests.MAX_BODY_BYTES) {
                throw new AuditReadException(HttpStatus.valueOf(413),
                        "body: larger than " + StreamRequests.MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static boolean isJson(String type) {
        try {
            return MediaType.parseMediaType(type).isCompatibleWith(JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static ResponseEntity.BodyBuilder ok(HttpStatus status) {
        return ResponseEntity.status(status).contentType(JSON).cacheControl(CacheControl.noStore());
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return ok(status).body(StreamViews.error(message));
    }
}
