package io.auditrail.core;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import java.time.Instant;

public final class TestEvents {

    private TestEvents() {
    }

    public static AuditEvent.Builder invoiceDeleted() {
        return AuditEvent.builder()
                .timestamp(Instant.parse("2026-11-23T10:15:30.123456789Z"))
                .organizationId("acme")
                .actor(Actor.user("alice", "Alice Liddell", "alice@example.com"))
                .action("invoice.deleted")
                .resource(new Resource("invoice", "inv-42", "INV-2026-0042"));
    }

    public static AuditEvent event(int n) {
        return invoiceDeleted().resource(Resource.of("invoice", "inv-" + n)).build();
    }
}
