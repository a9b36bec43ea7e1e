package io.auditrail.micronaut;

/** Outbox dispatch with Micronaut Data transactions on a real (embedded) PostgreSQL. */
class PostgresOutboxTransactionTest extends AbstractOutboxTransactionTest {

    @Override
    protected String environment() {
        return "postgres";
    }
}
