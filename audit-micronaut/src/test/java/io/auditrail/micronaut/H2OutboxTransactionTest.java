package io.auditrail.micronaut;

/** Outbox dispatch with Micronaut Data transactions on H2. */
class H2OutboxTransactionTest extends AbstractOutboxTransactionTest {

    @Override
    protected String environment() {
        return "h2";
    }
}
