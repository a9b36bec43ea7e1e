package io.auditrail.core.sink.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The kit must fail sinks that break the contract: each broken sink below keeps all of it but
 * one rule, and the test for that rule must throw while a correct sink passes it.
 */
class ContractKitSelfTest {

    /** A map keyed by event id: stores whole batches, once per id. */
    private static class InMemorySink implements AuditSink {
        final Map<UUID, AuditEvent> stored = new ConcurrentHashMap<>();

        @Override
        public void write(List<AuditEvent> events) {
            events.forEach(event -> stored.put(event.id(), event));
        }
    }

    /** The kit over one in-memory sink, which is its own destination. */
    private static class Kit extends AbstractRemoteAuditSinkContractTest {
        private final InMemorySink sink;
        private final AuditSink unreachable;

        Kit(InMemorySink sink, AuditSink unreachable) {
            this.sink = sink;
            this.unreachable = unreachable;
        }

        @Override
        protected AuditSink sink() {
            return sink;
        }

        @Override
        protected List<AuditEvent> storedEvents(int expected) {
            return List.copyOf(sink.stored.values());
        }

        @Override
        protected Optional<AuditEvent> refusedForGood(AuditEvent valid) {
            return Optional.of(valid.toBuilder().action("refuse.me").build());
        }

        @Override
        protected AuditSink sinkTo(SilentServer silent, Duration timeout) {
            return unreachable;
        }

        @Override
        protected Duration hangBound() {
            return Duration.ofSeconds(2);
        }
    }

    /** Refuses "refuse.me" events the way the SPI asks: the rest stored, one rejection, not retryable. */
    private static class CorrectSink extends InMemorySink {
        @Override
        public void write(List<AuditEvent> events) {
            List<AuditEvent> refused = events.stream().filter(e -> e.action().equals("refuse.me")).toList();
            events.stream().filter(e -> !refused.contains(e)).forEach(e -> stored.put(e.id(), e));
            if (!refused.isEmpty()) {
                throw new AuditSinkException("refused", null, false, null,
                        List.of(new AuditSinkException.Rejection(refused.get(0), "no")));
            }
        }
    }

    private static final AuditSink FAILS_RETRYABLY = events -> {
        throw new AuditSinkException("unreachable", null, true);
    };

    @Test
    void aCorrectSinkPassesEveryTest() {
        // A fresh destination per test, as JUnit gives each test a fresh instance.
        assertThatCode(() -> {
            new Kit(new CorrectSink(), FAILS_RETRYABLY).storesAWholeBatchWithEveryEventUnchanged();
            new Kit(new CorrectSink(), FAILS_RETRYABLY).writingTheSameBatchTwiceKeepsEachEventOnceOrCopiesOfIt();
            new Kit(new CorrectSink(), FAILS_RETRYABLY).carriesAnEventAtTheEdgesOfValidContentUnchanged();
            new Kit(new CorrectSink(), FAILS_RETRYABLY).anEmptyBatchIsANoOp();
            new Kit(new CorrectSink(), FAILS_RETRYABLY)
                    .aBatchWithAnEventRefusedForGoodRejectsOnlyThatEventAndStoresTheRest();
            new Kit(new CorrectSink(), FAILS_RETRYABLY).failsRetryablyWhenTheDestinationNeverAnswers();
        }).doesNotThrowAnyException();
    }

    @Test
    void aSinkDroppingTheLastEventOfABatchFails() {
        InMemorySink dropsLast = new CorrectSink() {
            @Override
            public void write(List<AuditEvent> events) {
                super.write(events.subList(0, Math.max(0, events.size() - 1)));
            }
        };

        assertThatThrownBy(() -> new Kit(dropsLast, FAILS_RETRYABLY).storesAWholeBatchWithEveryEventUnchanged())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aDestinationKeepingCopiesFailsWhenItClaimsToDeduplicate() {
        List<AuditEvent> log = new CopyOnWriteArrayList<>();
        Kit kit = new Kit(new CorrectSink(), FAILS_RETRYABLY) {
            @Override
            protected AuditSink sink() {
                return log::addAll;
            }

            @Override
            protected List<AuditEvent> storedEvents(int expected) {
                return List.copyOf(log);
            }
        };

        assertThatThrownBy(kit::writingTheSameBatchTwiceKeepsEachEventOnceOrCopiesOfIt).isInstanceOf(AssertionError.class);
    }

    @Test
    void aSinkFailingAWholeBatchForOneRefusedEventFails() {
        InMemorySink allOrNothing = new InMemorySink() {
            @Override
            public void write(List<AuditEvent> events) {
                if (events.stream().anyMatch(e -> e.action().equals("refuse.me"))) {
                    throw new AuditSinkException("refused", null, false);
                }
                super.write(events);
            }
        };

        assertThatThrownBy(() -> new Kit(allOrNothing, FAILS_RETRYABLY)
                .aBatchWithAnEventRefusedForGoodRejectsOnlyThatEventAndStoresTheRest())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anUnreachableDestinationReportedAsPermanentFails() {
        AuditSink permanent = events -> {
            throw new AuditSinkException("unreachable", null, false);
        };

        assertThatThrownBy(() -> new Kit(new CorrectSink(), permanent).failsRetryablyWhenTheDestinationNeverAnswers())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aSinkThatHangsFails() {
        AuditSink hangs = events -> {
            try {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        assertThatThrownBy(() -> new Kit(new CorrectSink(), hangs).failsRetryablyWhenTheDestinationNeverAnswers())
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("ignored its configured timeout");
    }
}
