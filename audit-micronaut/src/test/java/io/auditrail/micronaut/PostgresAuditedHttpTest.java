package io.auditrail.micronaut;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The audited HTTP application on a real (embedded) PostgreSQL. */
@MicronautTest(environments = "postgres", transactional = false)
class PostgresAuditedHttpTest extends AbstractAuditedHttpTest {
}
