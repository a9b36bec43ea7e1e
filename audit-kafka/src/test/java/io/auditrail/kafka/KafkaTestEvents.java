package io.auditrail.kafka;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Compact events for the Kafka tests. */
final class KafkaTestEvents {

    private KafkaTestEvents() {
    }

    static AuditEvent event(String organization, int number) {
        return AuditEvent.builder()
                .organizationId(organization)
                .timestamp(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .actor(Actor.user("alice", "Alice Liddell", "alice@example.com"))
                .action("invoice.created")
                .resource(Resource.of("invoice", "inv-" + number))
                .metadata("number", (long) number)
                .build();
    }
}
