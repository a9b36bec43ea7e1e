package io.auditrail.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

    private static final Instant TIMESTAMP = Instant.parse("2026-11-23T10:15:30.123456Z");

    @Test
    void roundTripsThroughAnUrlSafeToken() {
        AuditCursor cursor = new AuditCursor(TIMESTAMP, 123_456_789L);

        String token = cursor.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(AuditCursor.decode(token)).isEqualTo(cursor);
    }

    @Test
    void roundTripsInstantsBeforeTheEpoch() {
        AuditCursor cursor = new AuditCursor(Instant.parse("1969-07-20T20:17:40.000001Z"), 1);

        assertThat(AuditCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void truncatesToMicroseconds() {
        assertThat(new AuditCursor(TIMESTAMP.plusNanos(999), 1).timestamp()).isEqualTo(TIMESTAMP);
    }

    @Test
    void rejectsAnEditedToken() {
        byte[] bytes = Base64.getUrlDecoder().decode(new AuditCursor(TIMESTAMP, 5).encode());
        bytes[10] ^= 1;
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> AuditCursor.decode(edited))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void rejectsTokensThatAreNotCursors() {
        assertThatThrownBy(() -> AuditCursor.decode("not base64 !"))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> AuditCursor.decode("AAAA"))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> AuditCursor.decode(""))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> AuditCursor.decode(null))
                .isInstanceOf(InvalidAuditQueryException.class);
    }
}
