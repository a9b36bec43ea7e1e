package io.auditrail.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A resolver is application code: its failure or a hostile value must not cost the event. */
class AuditEventFactoryResolversTest {

    private static AuditEvent create(AuditEventFactory factory) {
        return factory.create(null, "invoice.deleted", Resource.of("invoice", "inv-1"), null, Map.of(),
                Outcome.success());
    }

    @Test
    void aThrowingActorResolverGivesTheSystemActor() {
        AuditEventFactory factory = AuditEventFactory.builder().actorResolver(() -> {
            throw new IllegalStateException("security context broken");
        }).build();

        assertThat(create(factory).actor()).isEqualTo(Actor.system("system"));
    }

    @Test
    void aThrowingOrganizationResolverGivesTheDefaultOrganisation() {
        AuditEventFactory factory = AuditEventFactory.builder().defaultOrganizationId("acme")
                .organizationResolver(() -> {
                    throw new IllegalStateException("membership table down");
                }).build();

        assertThat(create(factory).organizationId()).isEqualTo("acme");
    }

    @Test
    void anOrganisationIdWithALineBreakIsEscapedNotRefused() {
        AuditEventFactory factory = AuditEventFactory.builder().organizationResolver(() -> Optional.of("acme\nforged"))
                .build();

        assertThat(create(factory).organizationId()).isEqualTo("acme\\u000aforged");
    }

    @Test
    void aThrowingRequestContextProviderGivesNoRequestContext() {
        AuditEventFactory factory = AuditEventFactory.builder().requestContextProvider(() -> {
            throw new IllegalStateException("no request bound");
        }).build();

        assertThat(create(factory).context()).isEqualTo(RequestContext.NONE);
    }
}
