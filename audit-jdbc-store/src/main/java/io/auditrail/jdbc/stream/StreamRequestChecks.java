package io.auditrail.jdbc.stream;

import io.auditrail.core.stream.InvalidStreamException;
import java.time.Clock;
import java.time.Instant;

/** The checks of an admin's input that are not about the destination or the secret. */
final class StreamRequestChecks {

    static final int MAX_STREAMS_PER_ORGANIZATION = 20;

    private StreamRequestChecks() {
    }

    static String organization(String organizationId) {
        if (organizationId == null || organizationId.isBlank()) {
            throw new InvalidStreamException("organization id is required");
        }
        return organizationId;
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidStreamException("name is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > 100) {
            throw new InvalidStreamException("name must be at most 100 characters but had " + trimmed.length());
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new InvalidStreamException("name must not hold control or formatting characters (at index " + i + ")");
            }
        }
        return trimmed;
    }

    static void backfill(Instant from, Clock clock) {
        if (from != null && from.isAfter(clock.instant())) {
            throw new InvalidStreamException("backfill start " + from + " is in the future");
        }
    }

    static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidStreamException("limit must be between 1 and 1000 but was " + limit);
        }
        return limit;
    }
}
