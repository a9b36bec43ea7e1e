package io.auditrail.core.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * Position after the last event of a page, for keyset pagination: the next page holds the
 * events strictly older than ({@code timestamp}, {@code sequence}) in newest-first order.
 * Unlike an offset, a cursor costs the same on page 1 and page 10,000.
 *
 * <p>Callers see only the {@link #encode() token}, an opaque base64url string. It carries a
 * checksum, so a token that was cut, edited or made up is refused with a clear error rather
 * than silently paging from a wrong place. The checksum is not a secret: a forged cursor can
 * only choose a starting point, and every filter, the organisation included, still comes from
 * the query.
 *
 * @param timestamp timestamp of the last event on the previous page, microsecond precision
 * @param sequence store insertion sequence of that event, the tie-breaker for equal timestamps
 */
public record AuditCursor(Instant timestamp, long sequence) {

    private static final byte VERSION = 1;
    private static final int PAYLOAD_BYTES = 1 + Long.BYTES + Long.BYTES;
    private static final int TOKEN_BYTES = PAYLOAD_BYTES + Integer.BYTES;

    /** Checks the fields and truncates the timestamp to microseconds, the precision stored. */
    public AuditCursor {
        if (timestamp == null) {
            throw new IllegalArgumentException("cursor timestamp is required");
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The opaque token handed to callers.
     *
     * @return URL-safe base64 text without padding
     */
    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(TOKEN_BYTES);
        buffer.put(VERSION).putLong(epochMicros(timestamp)).putLong(sequence);
        buffer.putInt(checksum(buffer.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * Reads a token made by {@link #encode()}.
     *
     * @param token the token from a previous page
     * @return the cursor
     * @throws InvalidAuditQueryException when the token is not one this library issued
     */
    public static AuditCursor decode(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidAuditQueryException("cursor must not be blank");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditQueryException("cursor is not a valid token: not URL-safe base64");
        }
        if (bytes.length != TOKEN_BYTES || bytes[0] != VERSION) {
            throw new InvalidAuditQueryException("cursor is not a valid token: unknown length or version");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        long micros = buffer.getLong();
        long sequence = buffer.getLong();
        if (buffer.getInt() != checksum(bytes)) {
            throw new InvalidAuditQueryException("cursor is not a valid token: checksum mismatch (was it edited?)");
        }
        return new AuditCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), sequence);
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static int checksum(byte[] token) {
        CRC32C crc = new CRC32C();
        crc.update(token, 0, PAYLOAD_BYTES);
        return (int) crc.getValue();
    }

    @Override
    public String toString() {
        return encode();
    }
}
