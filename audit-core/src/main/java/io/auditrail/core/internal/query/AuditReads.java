package io.auditrail.core.internal.query;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditReader;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.store.Usage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /audit/events} family, framework-free: each read takes the caller's
 * {@link ReadScope} and the raw query string and answers the JSON body the Spring Boot starter
 * and the Micronaut module both send. Refusals are {@link InvalidAuditQueryException} (400) and
 * {@link ReadRefusedException} (the status it carries); {@link #errorBody} is their body.
 */
public final class AuditReads {

    /** What {@code GET /events} takes. */
    public static final Set<String> LIST = with(ReadParameters.FILTERS, "cursor", "total");
    /** What {@code GET /events/export} takes. */
    public static final Set<String> EXPORT = with(ReadParameters.FILTERS, "cursor", "format");
    /** What {@code GET /chain/verify} takes. */
    public static final Set<String> VERIFY = Set.of("from", "to");
    /** What an endpoint without parameters takes. */
    public static final Set<String> NONE = Set.of();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditReader store;
    private final AuditEventCodec codec;

    /**
     * Creates the reads.
     *
     * @param store where events are read
     * @param codec writes events in their JSON form
     */
    public AuditReads(AuditReader store, AuditEventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /**
     * An export: what to write and how to name it.
     *
     * @param query the scoped query
     * @param format the export format
     * @param fileName the attachment's file name
     */
    public record Export(AuditQuery query, ExportFormat format, String fileName) {
    }

    /**
     * Reads a request's parameters: {@code organization_id} refused because the organisation is
     * never taken from the request, and every name the endpoint does not know refused.
     *
     * @param rawQuery the undecoded query string, or {@code null}
     * @param accepted the names the endpoint understands
     * @return the parameters
     * @throws InvalidAuditQueryException naming the first bad parameter
     */
    public static ReadParameters parameters(@Nullable String rawQuery, Set<String> accepted) {
        ReadParameters parameters = ReadParameters.of(QueryString.decode(rawQuery));
        if (parameters.contains("organization_id")) {
            throw new InvalidAuditQueryException(
                    "organization_id cannot be chosen: reads are always confined to your own organisation");
        }
        return parameters.acceptOnly(accepted);
    }

    /**
     * The query for a caller; a member's is pinned to their own actor id.
     *
     * @param parameters the request's parameters
     * @param scope what the caller may read
     * @return the validated query
     * @throws ReadRefusedException (403) when a member asks for another actor's events
     */
    public static AuditQuery query(ReadParameters parameters, ReadScope scope) {
        String actorId = parameters.text("actor_id");
        if (!scope.admin()) {
            if (actorId != null && !actorId.equals(scope.actorId())) {
                throw new ReadRefusedException(403, "actor_id: members may only read their own events");
            }
            actorId = scope.actorId();
        }
        return parameters.filters()
                .organizationId(scope.organizationId())
                .actorId(actorId)
                .cursor(parameters.text("cursor"))
                .build();
    }

    /**
     * {@code GET /events}: a page of events, its total unless {@code total=false}, and the next cursor.
     *
     * @param scope the caller's scope
     * @param rawQuery the query string
     * @return the JSON body
     */
    public String list(ReadScope scope, @Nullable String rawQuery) {
        ReadParameters parameters = parameters(rawQuery, LIST);
        AuditQuery query = query(parameters, scope);
        AuditPage page = store.query(parameters.flag("total", true) ? query : query.withoutTotal());
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
                .append(page.nextCursor() != null ? JSON.writeValueAsString(page.nextCursor().encode()) : "null")
                .append('}');
        return body.toString();
    }

    /**
     * {@code GET /events/{id}}: one event of the organisation, a member's own only.
     *
     * @param scope the caller's scope
     * @param id the event id as given
     * @param rawQuery the query string, which must be empty
     * @return the JSON body
     * @throws ReadRefusedException (404) when the caller may not see an event of that id
     */
    public String get(ReadScope scope, String id, @Nullable String rawQuery) {
        parameters(rawQuery, NONE);
        UUID eventId = parseId(id);
        AuditEvent event = store.findById(scope.organizationId(), eventId)
                .filter(found -> scope.admin() || found.actor().id().equals(scope.actorId()))
                .orElseThrow(() -> new ReadRefusedException(404, "no event " + eventId));
        return codec.toJson(event);
    }

    /**
     * {@code GET /events/export}: the query and format of an export (CSV unless {@code format} says otherwise).
     *
     * @param scope the caller's scope
     * @param rawQuery the query string
     * @return what to write
     */
    public Export export(ReadScope scope, @Nullable String rawQuery) {
        ReadParameters parameters = parameters(rawQuery, EXPORT);
        String formatName = parameters.text("format");
        ExportFormat format = ExportFormat.fromName(formatName == null ? "csv" : formatName);
        AuditQuery query = query(parameters, scope);
        return new Export(query, format, "audit-events." + extension(format));
    }

    /**
     * {@code GET /usage}: the organisation's events this month, allowance and retention; admins only
     * (a member's own count is in the list).
     *
     * @param scope the caller's scope
     * @param rawQuery the query string, which must be empty
     * @return the JSON body
     * @throws ReadRefusedException (403) for a member
     */
    public String usage(ReadScope scope, @Nullable String rawQuery) {
        parameters(rawQuery, NONE);
        if (!scope.admin()) {
            throw new ReadRefusedException(403, "only organisation admins may read the usage");
        }
        Usage usage = store.usage(scope.organizationId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", usage.organizationId());
        body.put("month", usage.month().toString());
        body.put("events_this_month", usage.eventsThisMonth());
        body.put("monthly_limit", usage.monthlyLimit());
        body.put("retention_days", usage.retentionDays());
        return JSON.writeValueAsString(body);
    }

    /**
     * The body of every refusal: {@code {"error": message}}.
     *
     * @param message what the caller is told
     * @return the JSON body
     */
    public static String errorBody(@Nullable String message) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return JSON.writeValueAsString(body);
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

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> names = new HashSet<>(base);
        names.addAll(Set.of(more));
        return Set.copyOf(names);
    }
}
