package io.auditrail.client;

import io.auditrail.client.internal.EventArrayReader;
import io.auditrail.client.internal.HostedEvents;
import io.auditrail.client.internal.QueryStrings;
import io.auditrail.client.internal.Transport;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the hosted audit-log API and the self-hosted {@code audit-server}: the five calls
 * of the API's SDK reference. Thread-safe; build one per API key and share it.
 *
 * <pre>{@code
 * AuditrailClient client = AuditrailClient.builder()
 *         .baseUri("https://audit.example.com")
 *         .apiKey(System.getenv("AUDIT_API_KEY"))
 *         .build();
 * AuditPage page = client.query(AuditQuery.builder().actorId("user_123").limit(50).build());
 * try (Stream<AuditEvent> all = client.exportEvents(AuditQuery.builder().action("invoice.*").build())) {
 *     all.forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Queries use core's {@link AuditQuery}, every filter the API documents: organisation
 * (only the key's own; another answers {@link ForbiddenException}), actor id, actor name
 * (partial), action (partial, or a prefix such as {@code invoice.*}), resource type and id,
 * outcome, search, start and end (inclusive) and offset paging. The API has no cursors, so a
 * query with a cursor is refused; it always counts the total.
 *
 * <p>Reads are retried after timeouts, lost connections, 408, 429 and 5xx; {@link #log} is too,
 * because it always carries the event id as {@code Idempotency-Key}, so a repeat stores nothing
 * twice. Every failure is an {@link AuditrailClientException}; the API key never appears in a
 * log line, a message or {@link #toString()}.
 */
public final class AuditrailClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUri;
    private final Transport transport;
    private final AuditEventCodec codec;
    private final HostedEvents events;

    AuditrailClient(URI baseUri, Transport transport, AuditEventCodec codec) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.codec = codec;
        this.events = new HostedEvents(codec, JSON);
    }

    /**
     * Starts a client.
     *
     * @return a builder
     */
    public static AuditrailClientBuilder builder() {
        return new AuditrailClientBuilder();
    }

    /**
     * Logs one event ({@code POST /v1/events}), with its id as the idempotency key.
     *
     * @param event the event
     * @return the event as the API stored it (a repeat answers the first one)
     * @throws BadRequestException when the API refuses the event as invalid
     * @throws AuditrailClientException for every other failure
     */
    public AuditEvent log(AuditEvent event) {
        JsonNode answer = json(transport.send("POST", "/v1/events", codec.toHostedApiJson(event),
                event.id().toString(), true));
        return events.toEvent(answer.path("event"));
    }

    /**
     * Reads one page of events, newest first ({@code GET /v1/events}).
     *
     * @param query filters, limit and offset; a cursor is refused
     * @return the page with the total count and no next cursor
     * @throws IllegalArgumentException when the query holds a cursor
     * @throws AuditrailClientException when the call fails
     */
    public AuditPage query(AuditQuery query) {
        JsonNode answer = json(transport.send("GET", "/v1/events" + QueryStrings.encode(QueryStrings.page(query)),
                null, null, true));
        List<AuditEvent> page = new ArrayList<>();
        for (JsonNode event : answer.path("events")) {
            page.add(events.toEvent(event));
        }
        return new AuditPage(page, answer.path("total").asLong(), answer.path("limit").asInt(query.limit()),
                answer.path("offset").asInt(query.offset()), null);
    }

    /**
     * Walks every page of a query lazily, one request per page of {@code query.limit()} events,
     * starting at its offset. The pages are pinned to the newest timestamp of the first page, so
     * events logged while walking do not shift later pages.
     *
     * @param query filters and page size
     * @return every matching event, newest first
     */
    public Stream<AuditEvent> queryAll(AuditQuery query) {
        Iterator<AuditEvent> pages = new PageWalker(this, query);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /**
     * Reads one event ({@code GET /v1/events/{id}}).
     *
     * @param id the event id
     * @return the event, or empty when it does not exist or belongs to another organisation
     * @throws AuditrailClientException when the call fails otherwise
     */
    public Optional<AuditEvent> get(UUID id) {
        try {
            return Optional.of(events.toEvent(json(transport.send("GET", "/v1/events/" + id, null, null, true))));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /**
     * Streams an export ({@code GET /v1/events/export}) to a stream as the API writes it, never
     * holding more than a buffer of it. The request is retried only until its answer begins.
     *
     * @param query filters; limit and offset are ignored, as the API does
     * @param format {@link ExportFormat#CSV} or {@link ExportFormat#JSON}, the API's two formats
     * @param out where the bytes go; flushed, not closed
     * @return the number of bytes copied
     * @throws IllegalArgumentException for {@link ExportFormat#JSON_LINES}, which the API lacks
     * @throws UncheckedIOException when writing to {@code out} fails
     * @throws AuditrailClientException when the call fails
     */
    public long export(AuditQuery query, ExportFormat format, OutputStream out) {
        if (format == ExportFormat.JSON_LINES) {
            throw new IllegalArgumentException("the hosted audit API exports csv or json, not json lines");
        }
        try (InputStream in = exportBody(query, format == ExportFormat.CSV ? "csv" : "json")) {
            long copied = in.transferTo(out);
            out.flush();
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("the export from " + baseUri + " failed midway: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an export as events, one at a time as they arrive, so any size fits in memory.
     * Close the stream (try-with-resources) to release the connection when stopping early.
     *
     * @param query filters; limit and offset are ignored
     * @return the matching events, newest first
     * @throws AuditrailClientException when the call fails, or later when the answer breaks off
     */
    public Stream<AuditEvent> exportEvents(AuditQuery query) {
        EventArrayReader reader = new EventArrayReader(exportBody(query, "json"), JSON, events);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(reader::close);
    }

    /**
     * Reads the key's plan and this month's count ({@code GET /v1/usage}).
     *
     * @return the usage
     * @throws AuditrailClientException when the call fails
     */
    public ApiUsage usage() {
        JsonNode answer = json(transport.send("GET", "/v1/usage", null, null, true));
        return new ApiUsage(answer.path("plan").asString(""), answer.path("events_this_month").asLong(),
                optionalLong(answer.get("events_limit")), optionalLong(answer.get("retention_days")));
    }

    /**
     * The API's base URI.
     *
     * @return the base, for example {@code https://audit.example.com}
     */
    public URI baseUri() {
        return baseUri;
    }

    /** Names the API, never the key. */
    @Override
    public String toString() {
        return "AuditrailClient[baseUri=" + baseUri + ", apiKey=****]";
    }

    private InputStream exportBody(AuditQuery query, String format) {
        Map<String, String> parameters = QueryStrings.filters(query);
        parameters.put("format", format);
        return transport.send("GET", "/v1/events/export" + QueryStrings.encode(parameters), null, null, true).body();
    }

    private JsonNode json(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new AuditrailConnectionException("the answer of " + response.request().method() + " "
                    + response.uri() + " could not be read: " + e.getMessage(), e);
        }
    }

    private static @Nullable Long optionalLong(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asLong();
    }

    /** Fetches the next page when the current one is used up, until a short or empty page. */
    private static final class PageWalker implements Iterator<AuditEvent> {

        private final AuditrailClient client;
        private AuditQuery query;
        private Iterator<AuditEvent> current = List.<AuditEvent>of().iterator();
        private boolean last;

        PageWalker(AuditrailClient client, AuditQuery query) {
            this.client = client;
            this.query = query;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !last) {
                AuditPage page = client.query(query);
                if (query.end() == null && !page.events().isEmpty()) {
                    query = query.toBuilder().end(page.events().get(0).timestamp()).build();
                }
                last = page.events().size() < query.limit()
                        || (long) query.offset() + page.events().size() >= page.total();
                query = query.toBuilder().offset(query.offset() + page.events().size()).build();
                current = page.events().iterator();
            }
            return current.hasNext();
        }

        @Override
        public AuditEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more events");
            }
            return current.next();
        }
    }
}
