package io.auditrail.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.capture.InvalidAuditConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnattributedOrganizationTest {

    @Test
    void theReservedIdCannotBeTheDefaultOrganisation() {
        assertThatThrownBy(() -> AuditEventFactory.builder().defaultOrganizationId("_unattributed"))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessageContaining("auditrail.default-organization-id must not be '_unattributed'");
    }

    @Test
    void aResolverWrittenBeforeTheHookKnowsNoAttemptedPrincipal() {
        OrganizationResolver current = () -> Optional.of("acme");

        assertThat(current.organizationIdOf("alice")).isEmpty();
        assertThat(UnattributedOrganization.is("_unattributed")).isTrue();
        assertThat(UnattributedOrganization.is("acme")).isFalse();
    }
}
