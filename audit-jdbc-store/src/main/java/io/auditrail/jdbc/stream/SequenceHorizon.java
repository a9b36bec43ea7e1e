package io.auditrail.jdbc.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The highest sequence below which every row of the audit table is committed or abandoned:
 * deliverers read only up to it. A sequence is taken when a row is inserted but becomes
 * visible at commit, so a transaction still open (the caller's business transaction, in
 * transactional mode) leaves a hole that a cursor must not jump; a rolled-back insert leaves
 * one that never fills. The horizon stops at the first hole and passes it once it has stayed
 * open for the settle time. Gaps are judged across organisations, because another
 * organisation's rows legitimately sit between one organisation's sequences.
 */
final class SequenceHorizon {

    private static final int SCAN = 5000;

    private final EventSource events;
    private final LongSupplier start;
    private final Duration settle;
    private final Clock clock;
    private long safe = Long.MIN_VALUE;
    private long holeAt = -1;
    private Instant holeSince = Instant.MIN;

    SequenceHorizon(EventSource events, LongSupplier start, Duration settle, Clock clock) {
        this.events = events;
        this.start = start;
        this.settle = settle;
        this.clock = clock;
    }

    /** Moves the horizon as far as the committed rows allow and returns it. */
    synchronized long advance() {
        if (safe == Long.MIN_VALUE) {
            safe = start.getAsLong();
        }
        while (true) {
            long[] sequences = events.sequencesAfter(safe, SCAN);
            for (long sequence : sequences) {
                // Below 0 the table was empty when the horizon (or the stream) started, and the
                // database's first identity value (0 or 1) is not a hole.
                if (sequence != safe + 1 && safe >= 0 && !holeSettled(safe + 1)) {
                    return safe;
                }
                safe = sequence;
                holeAt = -1;
            }
            if (sequences.length < SCAN) {
                return safe;
            }
        }
    }

    private boolean holeSettled(long sequence) {
        Instant now = clock.instant();
        if (holeAt != sequence) {
            holeAt = sequence;
            holeSince = now;
        }
        return !now.isBefore(holeSince.plus(settle));
    }
}
