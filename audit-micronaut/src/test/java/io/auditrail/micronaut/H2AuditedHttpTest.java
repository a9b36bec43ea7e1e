package io.auditrail.micronaut;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The audited HTTP application on H2. */
@MicronautTest(environments = "h2", transactional = false)
class H2AuditedHttpTest extends AbstractAuditedHttpTest {
}
