package io.auditrail.kafka;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSinkException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/** Turns producer errors into the retryable / rejected outcomes of {@link AuditSinkException}. */
final class KafkaFailures {

    record Failure(AuditEvent event, String reason, boolean retryable) {
    }

    private final String topic;

    KafkaFailures(String topic) {
        this.topic = topic;
    }

    /**
     * Only errors no retry can fix are rejections; everything else (timeouts, lost leaders,
     * a broker that is down, an interrupt) leaves the event to be sent again.
     */
    Failure classify(AuditEvent event, Throwable error) {
        boolean refusedForGood = error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof SerializationException
                || error instanceof InvalidTopicException
                || error instanceof AuthorizationException
                || error instanceof AuthenticationException;
        String reason = error.getClass().getSimpleName() + (error.getMessage() != null ? ": " + error.getMessage() : "");
        return new Failure(event, reason, !refusedForGood);
    }

    void throwIfAny(List<Failure> failures, int batchSize) {
        if (failures.isEmpty()) {
            return;
        }
        List<AuditSinkException.Rejection> rejections = new ArrayList<>();
        Failure firstTransient = null;
        int transientCount = 0;
        for (Failure failure : failures) {
            if (failure.retryable()) {
                transientCount++;
                firstTransient = firstTransient == null ? failure : firstTransient;
            } else {
                rejections.add(new AuditSinkException.Rejection(failure.event(), failure.reason()));
            }
        }
        if (transientCount > 0) {
            throw new AuditSinkException(transientCount + " of " + batchSize + " events not acknowledged by Kafka topic "
                    + topic + ", first: " + firstTransient.reason(), null, true, null, rejections);
        }
        throw new AuditSinkException(rejections.size() + " of " + batchSize + " events refused by Kafka topic " + topic
                + ", first: " + rejections.get(0).reason(), null, false, null, rejections);
    }
}
