package io.auditrail.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndHttpDatesAndCapsThem() {
        assertThat(RetryAfter.parse("120", clock)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 12:01:00 GMT", clock)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 11:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("999999", clock)).isEqualTo(RetryAfter.MAX);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, clock)).isNull();
        assertThat(RetryAfter.parse("-5", clock)).isNull();
        assertThat(RetryAfter.parse("soon", clock)).isNull();
    }
}
