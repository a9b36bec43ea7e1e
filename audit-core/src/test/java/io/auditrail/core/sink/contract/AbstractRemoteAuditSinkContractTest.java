package io.auditrail.core.sink.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sink contract for destinations across a network, adding bounded failures: a sink whose
 * destination does not answer fails with a retryable {@link AuditSinkException} once its own
 * timeout passes, and never hangs the dispatcher that called it.
 */
public abstract class AbstractRemoteAuditSinkContractTest extends AbstractAuditSinkContractTest {

    /** The timeout a sink of {@link #sinkTo(SilentServer, Duration)} is configured with. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(1);

    /**
     * A sink of the kind under test whose destination is the given silent server, with every
     * timeout the sink offers set to {@code timeout}.
     *
     * @param silent accepts connections and never answers
     * @param timeout the sink's timeouts
     * @return the sink; closed by the caller when it is {@link AutoCloseable}
     */
    protected abstract AuditSink sinkTo(SilentServer silent, Duration timeout);

    /**
     * How long a write to the silent server may take before the test calls it a hang. A guard,
     * not a measurement: a sink honouring {@link #TIMEOUT} returns long before, a sink ignoring
     * it waits for its client's defaults (30 seconds to minutes).
     *
     * @return twenty times {@link #TIMEOUT} unless overridden
     */
    protected Duration hangBound() {
        return TIMEOUT.multipliedBy(20);
    }

    @Test
    void failsRetryablyWhenTheDestinationNeverAnswers() throws Exception {
        List<AuditEvent> batch = events().batch(3);
        try (SilentServer silent = new SilentServer()) {
            AuditSink sink = sinkTo(silent, TIMEOUT);
            try {
                AuditSinkException failure = assertTimeoutPreemptively(hangBound(), () -> failureOf(sink, batch),
                        "the sink ignored its configured timeout of " + TIMEOUT);

                assertThat(failure.isRetryable()).as("an unanswered batch must be retried").isTrue();
                assertThat(failure.rejections()).as("no event was refused").isEmpty();
                assertThat(failure.getMessage()).isNotBlank();
            } finally {
                close(sink);
            }
        }
    }

    private static void close(AuditSink sink) throws Exception {
        if (sink instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
