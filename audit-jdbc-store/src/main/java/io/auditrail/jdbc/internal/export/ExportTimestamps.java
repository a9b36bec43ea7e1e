package io.auditrail.jdbc.internal.export;

import io.auditrail.core.json.AuditEventCodec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

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

    /**
     * The same text from the database's own text for the value, when that is a UTC timestamp
     * in the {@code 2026-11-23 10:15:30.123456+00} form (PostgreSQL's, in a UTC session): the
     * digits move into place, while reading an {@code OffsetDateTime} would parse them into
     * fields first. Digits beyond microseconds are cut, as {@link #format(Instant)} cuts them.
     *
     * @param text the column read as a string
     * @return the formatted timestamp, or {@code null} for any other form, which the caller
     *         reads as an instant instead
     */
    static @Nullable String fromUtcText(@Nullable String text) {
        if (text == null || text.length() < 20 || !hasDateAndTime(text)) {
            return null;
        }
        int end = 19;
        char[] formatted = "0000-00-00T00:00:00.000000Z".toCharArray();
        text.getChars(0, 10, formatted, 0);
        text.getChars(11, 19, formatted, 11);
        if (text.charAt(end) == '.') {
            end++;
            while (end < text.length() && isDigit(text.charAt(end))) {
                if (end < 26) {
                    formatted[end] = text.charAt(end);
                }
                end++;
            }
            if (end == 20) {
                return null;
            }
        }
        String offset = text.substring(end);
        return offset.equals("+00") || offset.equals("+00:00") || offset.equals("Z") ? new String(formatted) : null;
    }

    /** {@code yyyy-MM-dd HH:mm:ss} with each field in range; signs, eras and five-digit years go elsewhere. */
    private static boolean hasDateAndTime(String text) {
        for (int i = 0; i < 19; i++) {
            char c = text.charAt(i);
            boolean valid = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == ' ';
                case 13, 16 -> c == ':';
                default -> isDigit(c);
            };
            if (!valid) {
                return false;
            }
        }
        return field(text, 5) >= 1 && field(text, 5) <= 12 && field(text, 8) >= 1 && field(text, 8) <= 31
                && field(text, 11) <= 23 && field(text, 14) <= 59 && field(text, 17) <= 59;
    }

    private static int field(String text, int start) {
        return (text.charAt(start) - '0') * 10 + text.charAt(start + 1) - '0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void digits(char[] text, int start, int width, int value) {
        int rest = value;
        for (int i = start + width - 1; i >= start; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
