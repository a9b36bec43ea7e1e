package io.auditrail.micronaut;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Transaction semantics on a real (embedded) PostgreSQL. */
@MicronautTest(environments = "postgres", transactional = false)
class PostgresTransactionTest extends AbstractTransactionTest {
}
