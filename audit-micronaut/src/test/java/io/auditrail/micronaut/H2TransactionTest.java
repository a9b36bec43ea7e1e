package io.auditrail.micronaut;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Transaction semantics on H2. */
@MicronautTest(environments = "h2", transactional = false)
class H2TransactionTest extends AbstractTransactionTest {
}
