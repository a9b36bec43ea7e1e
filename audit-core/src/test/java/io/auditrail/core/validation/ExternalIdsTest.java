package io.auditrail.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExternalIdsTest {

    @Test
    void escapesAndCutsInsteadOfRejecting() {
        assertThat(ExternalIds.sanitize("alice", 255)).isEqualTo("alice");
        assertThat(ExternalIds.sanitize("eve\r\nadmin", 255)).isEqualTo("eve\\u000d\\u000aadmin");
        assertThat(ExternalIds.sanitize("\u202egnp.exe", 255)).isEqualTo("\\u202egnp.exe");
        assertThat(ExternalIds.sanitize("x".repeat(300), 255)).hasSize(255).endsWith("…");
    }

    @Test
    void aHostileUsernameCannotStopItsOwnEventsFromBeingRecorded() {
        AuditEventFactory factory = AuditEventFactory.builder()
                .actorResolver(() -> Optional.of(Actor.user("mallory\u202e" + "y".repeat(400), null, null))).build();

        AuditEvent event = factory.create("invoice.deleted", Resource.of("invoice", "inv-1"), "acme", Map.of(),
                Outcome.failure("java.lang.IllegalStateException", "line one\r\nline two " + "z".repeat(5_000)));

        assertThat(event.actor().id()).startsWith("mallory\\u202e").hasSize(255);
        assertThat(event.outcome().errorMessage()).doesNotContain("\r", "\n").hasSize(1024);
    }
}
