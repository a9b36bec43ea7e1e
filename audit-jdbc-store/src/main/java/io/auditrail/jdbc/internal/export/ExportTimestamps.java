package io.auditrail.jdbc.internal.export;

import io.auditrail.core.json.AuditEventCodec;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@link AuditEventCodec#formatTimestamp(Instant)}'s text for an exported row, taken from the
 * database's own text for the value where that is already UTC.
 */
final class ExportTimestamps {

    private ExportTimestamps() {
    }

    /**
     * The same text from the database's own text for the value, when that is a UTC timestamp
     * in the {@code 2026-11-23 10:15:30.123456+00} form (PostgreSQL's, in a UTC session): the
     * digits move into place, while reading an {@code OffsetDateTime} would parse them into
     * fields first. Digits beyond microseconds are cut, as {@link AuditEventCodec#formatTimestamp(Instant)} cuts them.
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
}
