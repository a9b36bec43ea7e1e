package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.spring.fixtures.RecordingSink;
import io.auditrail.spring.security.CsrfRefusalRecorder;
import io.auditrail.spring.security.SecurityEventAuditor;
import io.auditrail.spring.security.SessionExpiryListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class AuditrailSecurityAutoConfigurationTests {

    private static final AutoConfigurations AUDITRAIL = AutoConfigurations.of(AuditrailAutoConfiguration.class,
            AuditrailSecurityAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(AUDITRAIL)
            .withBean(RecordingSink.class).withPropertyValues("auditrail.dispatch=sync");

    @Test
    void aServletApplicationRecordsCsrfRefusalsAndSessionExpiry() {
        web.run(context -> assertThat(context).hasSingleBean(SecurityEventAuditor.class)
                .hasSingleBean(CsrfRefusalRecorder.class).hasSingleBean(SessionExpiryListener.class));
    }

    @Test
    void switchedOffThereIsNoSecurityEventBean() {
        web.withPropertyValues("auditrail.security-events.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(SecurityEventAuditor.class).doesNotHaveBean(CsrfRefusalRecorder.class)
                .doesNotHaveBean(SessionExpiryListener.class));
    }

    @Test
    void anApplicationWithoutServletsGetsNoServletListeners() {
        new ApplicationContextRunner().withConfiguration(AUDITRAIL).withBean(RecordingSink.class)
                .withPropertyValues("auditrail.dispatch=sync").run(context -> assertThat(context)
                        .hasSingleBean(SecurityEventAuditor.class).doesNotHaveBean(CsrfRefusalRecorder.class)
                        .doesNotHaveBean(SessionExpiryListener.class));
    }

    @Test
    void theUnattributedOrganisationCannotBeTheDefault() {
        web.withPropertyValues("auditrail.default-organization-id=_unattributed").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("reserved for security events of no tenant"));
    }
}
