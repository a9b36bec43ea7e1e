package io.auditrail.core.internal.stream.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.internal.stream.net.HttpAnswer;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"200, DELIVERED", "204, DELIVERED", "401, PAUSE", "403, PAUSE", "408, RETRY", "429, RETRY",
        "500, RETRY", "503, RETRY", "301, RETRY", "302, RETRY", "400, REFUSED", "404, REFUSED", "413, REFUSED",
        "422, REFUSED"})
    void readsTheStatus(int status, Verdict.Kind kind) {
        assertThat(Verdicts.of(new HttpAnswer(status, Map.of(), ""), CLOCK).kind()).isEqualTo(kind);
    }

    @Test
    void honoursRetryAfterInSecondsAndAsADateAndCapsIt() {
        assertThat(Verdicts.of(new HttpAnswer(429, Map.of("retry-after", "30"), ""), CLOCK).retryAfter())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(Verdicts.of(new HttpAnswer(503, Map.of("retry-after", "Mon, 07 Dec 2026 12:02:00 GMT"), ""), CLOCK)
                .retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(Verdicts.of(new HttpAnswer(503, Map.of("retry-after", "999999"), ""), CLOCK).retryAfter())
                .isEqualTo(Duration.ofHours(1));
        assertThat(Verdicts.of(new HttpAnswer(503, Map.of("retry-after", "soon"), ""), CLOCK).retryAfter()).isNull();
    }

    @Test
    void aReceiversTextIsBoundedAndMadePrintable() {
        String detail = Verdicts.of(new HttpAnswer(400, Map.of(), "bad\r\n\u202einput" + "x".repeat(1000)), CLOCK).detail();
        assertThat(detail).doesNotContain("\r", "\n", "\u202e").hasSizeLessThan(340);
        assertThat(Verdicts.of(new SocketTimeoutException("Read timed out")).detail()).contains("timed out");
    }
}
