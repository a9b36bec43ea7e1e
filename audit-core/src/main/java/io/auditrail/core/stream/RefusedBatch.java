package io.auditrail.core.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * A batch the receiver refused for good (a 4xx other than 401, 403, 408 and 429), recorded and
 * skipped so that newer events flow.
 *
 * @param streamId the stream
 * @param firstEventId id of the batch's first event
 * @param lastEventId id of its last event
 * @param events how many events it held
 * @param status the HTTP status the receiver answered
 * @param reason the start of the receiver's answer, bounded and made printable
 * @param refusedAt when it was refused
 */
public record RefusedBatch(String streamId, String firstEventId, String lastEventId, int events, int status,
        String reason, Instant refusedAt) {

    /** Checks the values. */
    public RefusedBatch {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(firstEventId, "firstEventId");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refusedAt, "refusedAt");
    }
}
