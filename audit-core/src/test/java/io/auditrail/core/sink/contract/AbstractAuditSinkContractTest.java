package io.auditrail.core.sink.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.validation.AuditLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditSink} must do, as its Javadoc states it: store a batch whole or throw
 * {@link AuditSinkException} saying whether a retry can help, store each event once however
 * often its batch is written (where the destination can tell), carry any valid event unchanged,
 * and do nothing for an empty batch.
 *
 * <p>A sink's test extends this class and supplies the sink and a reader of what its destination
 * holds. Destinations reached over a network extend {@link AbstractRemoteAuditSinkContractTest},
 * which adds the bounded-failure tests. Where a destination legitimately differs, it says so by
 * overriding a capability ({@link #deduplicatesById()}, {@link #refusedForGood(AuditEvent)}), and
 * the test checks the other behaviour instead of skipping.
 */
public abstract class AbstractAuditSinkContractTest {

    /**
     * The sink under test, writing to a destination that is up and holds none of this test's
     * events. Called once or more per test; may return the same instance.
     *
     * @return the sink
     */
    protected abstract AuditSink sink();

    /**
     * Every event the destination holds that this test wrote, as read back from it, copies
     * included, in any order. Destinations that make writes visible later wait until at least
     * {@code expected} events are visible (or a bound passes), then return what they have.
     *
     * @param expected how many events the test expects
     * @return the events
     */
    protected abstract List<AuditEvent> storedEvents(int expected);

    /**
     * The organisation the test's events belong to; destinations that file events per
     * organisation (an API key's own) override it.
     *
     * @return the organisation id
     */
    protected String organizationId() {
        return "acme";
    }

    /**
     * Whether a second write of the same event leaves one copy at the destination. A log or
     * a topic cannot tell, and keeps both: their readers deduplicate by event id.
     *
     * @return {@code true} by default
     */
    protected boolean deduplicatesById() {
        return true;
    }

    /**
     * An event the destination refuses for good while it stores the rest of the batch (a value
     * too long for a column, a request the API answers with 4xx), made from a valid one.
     * Destinations that store whatever a well-formed event carries return empty.
     *
     * @param valid an ordinary event of this test
     * @return the refused event, or empty when nothing is refused
     */
    protected Optional<AuditEvent> refusedForGood(AuditEvent valid) {
        return Optional.empty();
    }

    /**
     * The events of one test.
     *
     * @return a factory for {@link #organizationId()}
     */
    protected final ContractEvents events() {
        return new ContractEvents(organizationId());
    }

    @Test
    void storesAWholeBatchWithEveryEventUnchanged() {
        List<AuditEvent> batch = events().batch(7);

        sink().write(batch);

        assertThat(storedEvents(batch.size())).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void writingTheSameBatchTwiceKeepsEachEventOnceOrCopiesOfIt() {
        List<AuditEvent> batch = events().batch(5);

        sink().write(batch);
        sink().write(batch);

        int copies = deduplicatesById() ? 1 : 2;
        List<AuditEvent> stored = storedEvents(batch.size() * copies);
        Map<UUID, List<AuditEvent>> byId = stored.stream().collect(Collectors.groupingBy(AuditEvent::id));
        assertThat(byId).containsOnlyKeys(batch.stream().map(AuditEvent::id).toList());
        for (AuditEvent event : batch) {
            // A copy is the same event, so a reader deduplicating by id loses nothing.
            assertThat(byId.get(event.id())).hasSize(copies).containsOnly(event);
        }
    }

    @Test
    void carriesAnEventAtTheEdgesOfValidContentUnchanged() {
        AuditEvent unusual = events().unusual();
        assertThat(new AuditEventValidator(AuditLimits.DEFAULTS, new AuditEventCodec()).validate(unusual))
                .as("the kit's own event must be valid").isSameAs(unusual);
        List<AuditEvent> batch = List.of(events().plain(1), unusual, events().plain(2));

        sink().write(batch);

        List<AuditEvent> stored = storedEvents(batch.size());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(batch);
        AuditEvent readBack = stored.stream().filter(e -> e.id().equals(unusual.id())).findFirst().orElseThrow();
        assertThat(readBack.metadata()).isEqualTo(unusual.metadata());
    }

    @Test
    void anEmptyBatchIsANoOp() {
        sink().write(List.of());

        assertThat(storedEvents(0)).isEmpty();
    }

    @Test
    void aBatchWithAnEventRefusedForGoodRejectsOnlyThatEventAndStoresTheRest() {
        AuditEvent first = events().plain(1);
        AuditEvent last = events().plain(3);
        Optional<AuditEvent> refused = refusedForGood(events().plain(2));
        if (refused.isEmpty()) {
            // Nothing is refused here, so nothing may be lost either: the batch lands whole.
            List<AuditEvent> batch = List.of(first, events().plain(2), events().unusual(), last);
            sink().write(batch);
            assertThat(storedEvents(batch.size())).containsExactlyInAnyOrderElementsOf(batch);
            return;
        }
        List<AuditEvent> batch = List.of(first, refused.get(), last);

        AuditSinkException failure = catchThrowableOfType(AuditSinkException.class, () -> sink().write(batch));

        assertThat(failure).as("a batch with a refused event must fail").isNotNull();
        assertThat(failure.isRetryable()).as("the rest was stored, so it must not be retried").isFalse();
        assertThat(failure.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.event()).isEqualTo(refused.get());
            assertThat(rejection.reason()).isNotBlank();
        });
        assertThat(storedEvents(2)).containsExactlyInAnyOrder(first, last);
    }

    /**
     * Writes a batch expected to fail and returns the failure, for subclasses' own tests.
     *
     * @param sink the sink
     * @param batch the batch
     * @return the failure
     */
    protected static AuditSinkException failureOf(AuditSink sink, List<AuditEvent> batch) {
        AuditSinkException failure = catchThrowableOfType(AuditSinkException.class, () -> sink.write(batch));
        assertThat(failure).as("writing the batch must throw AuditSinkException").isNotNull();
        return failure;
    }
}
