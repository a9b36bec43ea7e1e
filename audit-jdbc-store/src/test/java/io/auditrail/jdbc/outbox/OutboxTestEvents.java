package io.auditrail.jdbc.outbox;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events for outbox tests, each with its own id. */
public final class OutboxTestEvents {

    private OutboxTestEvents() {
    }

    /**
     * One event.
     *
     * @param n distinguishes the resource
     * @return the event
     */
    public static AuditEvent event(int n) {
        return AuditEvent.builder()
                .organizationId("acme")
                .timestamp(Instant.parse("2026-11-10T12:00:00Z").plusSeconds(n))
                .actor(Actor.user("alice", "Alice Liddell", "alice@example.com"))
                .action("invoice.created")
                .resource(Resource.of("invoice", "inv-" + n))
                .metadata("amount", n)
                .build();
    }

    /**
     * Several events.
     *
     * @param count how many
     * @return the events, numbered from 0
     */
    public static List<AuditEvent> events(int count) {
        List<AuditEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(i));
        }
        return events;
    }
}
