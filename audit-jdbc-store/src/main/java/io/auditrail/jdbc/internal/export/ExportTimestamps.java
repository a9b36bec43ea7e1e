package io.auditrail.jdbc.internal.export;

import io.auditrail.core.json.AuditEventCodec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link AuditEventCodec#formatTimestamp(Instant)}'s text, written digit by digit because the
 * general formatter interprets its pattern again for each of a million rows. Years outside
 * 0–9999, which the formatter writes with a sign, still go through the formatter.
 */
final class ExportTimestamps {

    private ExportTimestamps() {
    }

    static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return AuditEventCodec.formatTimestamp(instant);
        }
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
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
