package io.auditrail.server.web;

import io.auditrail.core.internal.stream.http.StreamRequests;
import io.auditrail.core.internal.stream.http.StreamViews;
import io.auditrail.core.stream.InvalidStreamException;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamException;
import io.auditrail.core.stream.StreamNotFoundException;
import io.auditrail.core.stream.StreamService;
import io.auditrail.server.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log streams for API-key holders, an Auditrail extension beside the hosted API ({@code /ext/streams},
 * not under {@code /v1}, which stays wire-compatible with the hosted API): the same operations and
 * bodies as the starter's {@code /audit/streams}, for the key's organisation. A key speaks for its
 * whole organisation, so every key holder manages its streams; another organisation's stream is
 * answered 404. With {@code auditrail.streams.enabled} off every path answers 404 saying so.
 */
@RestController
@RequestMapping(StreamsController.PATH)
class StreamsController {

    static final String PATH = "/ext/streams";

    private static final Logger log = LoggerFactory.getLogger(StreamsController.class);

    private final ObjectProvider<StreamService> streams;

    StreamsController(ObjectProvider<StreamService> streams) {
        this.streams = streams;
    }

    @GetMapping("")
    ResponseEntity<String> list(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller) {
        StreamService service = service();
        String organization = caller.organizationId();
        return json(HttpStatus.OK, StreamViews.list(service.list(organization).stream()
                .map(stream -> Map.entry(stream, service.health(organization, stream.id()))).toList()));
    }

    @PostMapping("")
    ResponseEntity<String> create(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, HttpServletRequest request) {
        StreamService service = service();
        StreamDefinition created = service.create(caller.organizationId(), StreamRequests.newStream(body(request)));
        log.info("Stream {} of organisation {} created by key {}", created.id(), caller.organizationId(), caller.keyId());
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .location(URI.create(PATH + "/" + created.id()))
                .body(StreamViews.stream(created, service.health(caller.organizationId(), created.id())));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> get(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable("id") String id) {
        StreamDefinition stream = service().get(caller.organizationId(), streamId(id))
                .orElseThrow(() -> new StreamNotFoundException(id));
        return view(caller, stream);
    }

    @PatchMapping("/{id}")
    ResponseEntity<String> update(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable("id") String id,
            HttpServletRequest request) {
        String streamId = streamId(id);
        return view(caller, service().update(caller.organizationId(), streamId, StreamRequests.update(body(request))));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable("id") String id) {
        if (!service().delete(caller.organizationId(), streamId(id))) {
            throw new StreamNotFoundException(id);
        }
        log.info("Stream {} of organisation {} deleted by key {}", id, caller.organizationId(), caller.keyId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    ResponseEntity<String> test(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable("id") String id) {
        return json(HttpStatus.OK, StreamViews.test(service().sendTestEvent(caller.organizationId(), streamId(id))));
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<String> pause(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable("id") String id) {
        return view(caller, service().pause(caller.organizationId(), streamId(id)));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<String> resume(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable("id") String id) {
        return view(caller, service().resume(caller.organizationId(), streamId(id)));
    }

    @ExceptionHandler(InvalidStreamException.class)
    ResponseEntity<String> invalid(InvalidStreamException e) {
        return json(HttpStatus.BAD_REQUEST, StreamViews.error(e.getMessage()));
    }

    @ExceptionHandler(StreamNotFoundException.class)
    ResponseEntity<String> notFound(StreamNotFoundException e) {
        return json(HttpStatus.NOT_FOUND, StreamViews.error(e.getMessage()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e) {
        return json(e.status(), StreamViews.error(e.getMessage()));
    }

    /** The database or the engine failed: like every other storage failure here, a 503 the client retries. */
    @ExceptionHandler(StreamException.class)
    ResponseEntity<String> unavailable(StreamException e) {
        log.warn("Stream operation failed: {}", e.toString(), e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(JsonErrors.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_JSON).body(StreamViews.error(JsonErrors.STORAGE_UNAVAILABLE));
    }

    private StreamService service() {
        StreamService service = streams.getIfAvailable();
        if (service == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Streams are not enabled on this server"
                    + " (auditrail.streams.enabled=true and auditrail.streams.encryption-key turn them on)");
        }
        return service;
    }

    private ResponseEntity<String> view(Caller caller, StreamDefinition stream) {
        return json(HttpStatus.OK, StreamViews.stream(stream, service().health(caller.organizationId(), stream.id())));
    }

    private static String streamId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new StreamNotFoundException(id.replaceAll("[^A-Za-z0-9._~-]", "?"));
        }
    }

    private static String body(HttpServletRequest request) {
        String type = request.getContentType();
        boolean json;
        try {
            json = type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            json = false;
        }
        if (!json) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(StreamRequests.MAX_BODY_BYTES + 1);
            if (bytes.length > StreamRequests.MAX_BODY_BYTES) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                        "Request body is larger than " + StreamRequests.MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Request body could not be read");
        }
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
