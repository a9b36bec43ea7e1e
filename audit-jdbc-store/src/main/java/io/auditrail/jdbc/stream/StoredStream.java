package io.auditrail.jdbc.stream;

import io.auditrail.core.stream.StreamDefinition;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of the streams table: the definition plus what only the engine sees. */
record StoredStream(StreamDefinition definition, String sealedSecret, long cursor, @Nullable Long inflightLast,
        @Nullable String leaseOwner, int attempts, Instant nextAttemptAt, @Nullable String lastError,
        @Nullable Instant lastErrorAt, @Nullable Instant lastDeliveredAt, long delivered, long failed) {

    String id() {
        return definition.id();
    }
}
