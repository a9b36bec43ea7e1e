package io.auditrail.core.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link AuditEventCodec#TIMESTAMP_FORMAT}'s text written digit by digit: the general formatter
 * interprets its pattern again for every event, which was a tenth of the canonical encoding's
 * cost. Years outside 0–9999, which the formatter writes with a sign, still go through it.
 */
final class TimestampText {

    private static final char[] TEMPLATE = "0000-00-00T00:00:00.000000Z".toCharArray();

    private TimestampText() {
    }

    static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return AuditEventCodec.TIMESTAMP_FORMAT.format(instant);
        }
        char[] text = TEMPLATE.clone();
        digits(text, 0, 4, year);
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        digits(text, 20, 6, time.getNano() / 1000);
        return new String(text);
    }

    private static void digits(char[] text, int start, int width, int value) {
        int rest = value;
        for (int i = start + width - 1; i >= start; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
