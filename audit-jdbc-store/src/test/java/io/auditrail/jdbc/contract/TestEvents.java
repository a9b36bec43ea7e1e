package io.auditrail.jdbc.contract;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import java.time.Instant;

/** Compact event factory for the contract suite. */
final class TestEvents {

    static final Instant BASE = Instant.parse("2026-11-10T12:00:00.000000Z");

    private TestEvents() {
    }

    static AuditEvent.Builder event(String organization, int secondsAfterBase) {
        return AuditEvent.builder()
                .organizationId(organization)
                .timestamp(BASE.plusSeconds(secondsAfterBase))
                .actor(Actor.user("alice", "Alice Liddell", "alice@example.com"))
                .action("invoice.created")
                .resource(Resource.of("invoice", "inv-" + secondsAfterBase));
    }
}
