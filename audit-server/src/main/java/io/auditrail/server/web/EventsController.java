package io.auditrail.server.web;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.internal.query.ReadParameters;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.server.ingest.EventIdentity;
import io.auditrail.server.ingest.EventIngestion;
import io.auditrail.server.ingest.EventRequestParser;
import io.auditrail.server.ingest.IngestResult;
import io.auditrail.server.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hosted API's event endpoints under {@code /v1/events}. Every read is pinned to the
 * caller's organisation. A first {@code POST} answers 201; a replay of an id already stored
 * answers 200 with the same stored event.
 */
@RestController
@RequestMapping("/v1/events")
class EventsController {

    /** The nine columns of the hosted API's CSV export, which the store's CSV starts with. */
    static final int HOSTED_CSV_COLUMNS = 9;

    private final EventIngestion ingestion;
    private final EventRequestParser parser;
    private final AuditStore store;
    private final JsonMapper mapper;
    private final RequestBodies bodies;
    private final Clock clock;

    EventsController(EventIngestion ingestion, EventRequestParser parser, AuditStore store, JsonMapper mapper,
            RequestBodies bodies, Clock clock) {
        this.ingestion = ingestion;
        this.parser = parser;
        this.store = store;
        this.mapper = mapper;
        this.bodies = bodies;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request) {
        JsonNode body = bodies.readJson(request);
        if (body.isObject() && body.hasNonNull("organization_id")
                && !caller.organizationId().equals(body.get("organization_id").asString(""))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "organization_id does not match the API key's organization");
        }
        UUID id = EventIdentity.resolve(caller.organizationId(), idempotencyKey, EventRequestParser.sentEventId(body));
        AuditEvent event = parser.parse(body, id, caller.organizationId(), clock.instant());
        IngestResult result = ingestion.ingest(caller, event);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("event", HostedEventView.of(result.event()));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }

    @GetMapping
    Map<String, Object> list(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, HttpServletRequest request) {
        AuditPage page = store.query(EventQueryParameters.toQuery(EventQueryParameters.of(request), caller));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", page.events().stream().map(HostedEventView::of).toList());
        answer.put("total", page.total());
        answer.put("limit", page.limit());
        answer.put("offset", page.offset());
        return answer;
    }

    @GetMapping("/export")
    void export(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        ReadParameters parameters = EventQueryParameters.of(request);
        String format = parameters.text("format");
        String normalized = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!normalized.equals("json") && !normalized.equals("csv")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "format must be json or csv but was '" + format + "'");
        }
        AuditQuery query = EventQueryParameters.toQuery(parameters, caller);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        if (normalized.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit_logs.csv");
            store.export(query, ExportFormat.CSV, new CsvColumnLimit(out, HOSTED_CSV_COLUMNS));
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit_logs.json");
            HostedJsonArrayStream array = new HostedJsonArrayStream(out, mapper);
            store.export(query, ExportFormat.JSON_LINES, array);
            array.finish();
        }
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Event not found");
        }
        return store.findById(caller.organizationId(), uuid).map(HostedEventView::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Event not found"));
    }
}
