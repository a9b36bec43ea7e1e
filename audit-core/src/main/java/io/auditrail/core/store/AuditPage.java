package io.auditrail.core.store;

import io.auditrail.core.event.AuditEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results, newest first.
 *
 * @param events the events on this page, at most {@code limit}
 * @param total how many events match the query's filters, ignoring limit, offset and cursor;
 *        {@link #NOT_COUNTED} when the query asked not to count ({@link AuditQuery#countTotal()})
 * @param limit the page size asked for
 * @param offset the offset asked for
 * @param nextCursor cursor for the page after this one, or {@code null} when this is the last page
 */
public record AuditPage(List<AuditEvent> events, long total, int limit, int offset, @Nullable AuditCursor nextCursor) {

    /** {@link #total()} of a page whose query did not count its matches. */
    public static final long NOT_COUNTED = -1;

    /** Copies the event list so the page is immutable. */
    public AuditPage {
        events = List.copyOf(events);
    }

    /**
     * Whether {@link #total()} holds a count.
     *
     * @return {@code false} when the query asked not to count
     */
    public boolean isTotalCounted() {
        return total != NOT_COUNTED;
    }

    /**
     * Whether another page follows.
     *
     * @return {@code true} when {@link #nextCursor()} is set
     */
    public boolean hasMore() {
        return nextCursor != null;
    }
}
