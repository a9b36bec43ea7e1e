package io.auditrail.spring.web.read;

import io.auditrail.client.ApiUsage;
import io.auditrail.client.AuditrailClient;
import io.auditrail.client.AuditrailClientException;
import io.auditrail.client.BadRequestException;
import io.auditrail.client.ForbiddenException;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditCursor;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.core.store.Usage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Reads events back from the hosted audit-log API (or {@code audit-server}) through an
 * {@link AuditrailClient}, for applications whose events go there. What the API lacks is filled
 * in or refused here, so the endpoints and the viewer need not know:
 *
 * <ul>
 *   <li><b>Cursors</b>: the API pages by offset only. A first page's cursor holds the timestamp
 *       of its oldest event and how many events at that microsecond were shown; the next page
 *       asks the API for events up to that timestamp, skipping those. New events therefore never
 *       shift later pages, as with the store's own cursors. A cursor after an offset page costs
 *       one more call, to count the events at that timestamp before the offset.</li>
 *   <li><b>{@code total=false}</b>: honoured by leaving the total out (the API counts anyway,
 *       so it saves nothing there); a cursor page asked to count makes one extra call for it.</li>
 *   <li><b>Export</b>: JSON and JSON Lines are written here from the API's JSON export, event by
 *       event, in the store's shape; CSV is the API's own CSV, whose nine columns are the first
 *       nine of the store's (no outcome, IP or metadata).</li>
 *   <li><b>Organisation</b>: an API key belongs to one organisation. The caller's organisation
 *       is sent with every query; the API refuses any other with 403, answered as 403.</li>
 * </ul>
 *
 * <p>Failures of the API reach the caller as {@code 503} (unreachable, timed out, rate limited,
 * or this application's key refused) or {@code 400}/{@code 403} (the API's own reason).
 */
public final class HostedEventReader implements AuditEventReader {

    private final AuditrailClient client;
    private final AuditEventCodec codec;

    /**
     * Creates the reader.
     *
     * @param client the API client
     * @param codec writes events in the store's JSON shape
     */
    public HostedEventReader(AuditrailClient client, AuditEventCodec codec) {
        this.client = client;
        this.codec = codec;
    }

    @Override
    public AuditPage query(AuditQuery query) {
        AuditCursor cursor = query.cursor();
        AuditQuery.Builder hosted = query.toBuilder().cursor((AuditCursor) null);
        if (cursor != null) {
            Instant end = query.end() == null || cursor.timestamp().isBefore(query.end()) ? cursor.timestamp()
                    : query.end();
            hosted.end(end).offset(Math.toIntExact(cursor.sequence()));
        }
        AuditPage page = call(() -> client.query(hosted.build()));
        List<AuditEvent> events = page.events();
        long shownBefore = cursor != null ? cursor.sequence() : query.offset();
        boolean more = events.size() == query.limit() && shownBefore + events.size() < page.total();
        AuditCursor next = more ? nextCursor(query, events, cursor) : null;
        long total = page.total();
        if (!query.countTotal()) {
            total = AuditPage.NOT_COUNTED;
        } else if (cursor != null) {
            total = call(() -> client.query(query.toBuilder().cursor((AuditCursor) null).limit(1).build())).total();
        }
        return new AuditPage(events, total, query.limit(), query.offset(), next);
    }

    /**
     * The oldest timestamp on the page, and how many events at it have been shown so far: on
     * this page, on the cursor's earlier pages, and, after an offset page, those before the
     * offset (every shown event minus the newer ones, counted by one more call).
     */
    private AuditCursor nextCursor(AuditQuery query, List<AuditEvent> events, @Nullable AuditCursor previous) {
        Instant last = events.get(events.size() - 1).timestamp();
        long seen = events.stream().filter(event -> event.timestamp().equals(last)).count();
        if (previous != null && previous.timestamp().equals(last)) {
            seen += previous.sequence();
        } else if (previous == null && query.offset() > 0) {
            AuditQuery newer = query.toBuilder().offset(0).limit(1).start(last.plus(1, ChronoUnit.MICROS)).build();
            seen = query.offset() + events.size() - call(() -> client.query(newer)).total();
        }
        return new AuditCursor(last, seen);
    }

    @Override
    public Optional<AuditEvent> findById(@Nullable String organizationId, UUID id) {
        return call(() -> client.get(id))
                .filter(event -> organizationId == null || organizationId.equals(event.organizationId()));
    }

    @Override
    public long export(AuditQuery query, ExportFormat format, OutputStream out) {
        if (format == ExportFormat.CSV) {
            call(() -> client.export(query, ExportFormat.CSV, out));
            return -1;
        }
        try (Stream<AuditEvent> events = call(() -> client.exportEvents(query))) {
            return write(events.iterator(), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's framing: a JSON array with one event per line inside it, or one event per line. */
    private long write(Iterator<AuditEvent> events, ExportFormat format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        boolean array = format == ExportFormat.JSON;
        long count = 0;
        if (array) {
            writer.write('[');
        }
        while (events.hasNext()) {
            AuditEvent event = events.next();
            if (array) {
                writer.write(count == 0 ? "\n" : ",\n");
            }
            codec.writeJson(event, writer);
            if (!array) {
                writer.write('\n');
            }
            count++;
        }
        if (array) {
            writer.write(count == 0 ? "]\n" : "\n]\n");
        }
        writer.flush();
        return count;
    }

    @Override
    public Usage usage(@Nullable String organizationId) {
        ApiUsage usage = call(client::usage);
        return new Usage(organizationId, YearMonth.now(ZoneOffset.UTC), usage.eventsThisMonth(), usage.eventsLimit(),
                usage.retentionDays());
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ForbiddenException e) {
            throw new AuditReadException(HttpStatus.FORBIDDEN,
                    "the audit API refused this organisation for the application's API key: " + e.error());
        } catch (BadRequestException e) {
            throw new AuditReadException(HttpStatus.BAD_REQUEST, e.error());
        } catch (AuditrailClientException e) {
            throw new AuditReadException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the audit API could not answer: " + e.getMessage());
        }
    }
}
