package io.auditrail.core.tlog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The origin line of an organisation's log: {@code <prefix>/org/<percent-encoded organisation>},
 * and {@code <prefix>/no-organization} for events without one. Percent-encoding keeps only
 * {@code A-Z a-z 0-9 - . _ ~} and writes every other UTF-8 byte as {@code %XX} (upper case), so
 * for one prefix two organisations never share an origin, and an origin is one line without
 * spaces or {@code +}, as C2SP checkpoints want.
 *
 * @param prefix the deployment's prefix, for instance {@code auditrail} or {@code audit.example.com}
 * @param organizationId the organisation, or {@code null} for events without one
 */
public record LogOrigin(String prefix, @Nullable String organizationId) {

    /** The prefix used unless one is configured. */
    public static final String DEFAULT_PREFIX = "auditrail";

    private static final String ORGANIZATION = "/org/";
    private static final String NO_ORGANIZATION = "/no-organization";
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the prefix is blank or has characters other than
     *     visible ASCII without {@code +}, or the organisation is empty
     */
    public LogOrigin {
        if (prefix.isEmpty() || prefix.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '+')) {
            throw new IllegalArgumentException("a log origin prefix is visible ASCII without spaces or '+' but was '"
                    + LogCheckpoint.abbreviate(prefix) + "'");
        }
        if (organizationId != null && organizationId.isEmpty()) {
            throw new IllegalArgumentException("an organisation id cannot be empty; use null for events without one");
        }
    }

    /**
     * The origin of an organisation's log.
     *
     * @param prefix the deployment's prefix
     * @param organizationId the organisation, or {@code null}
     * @return the origin
     */
    public static LogOrigin of(String prefix, @Nullable String organizationId) {
        return new LogOrigin(prefix, organizationId);
    }

    /**
     * Reads an origin line back.
     *
     * @param prefix the prefix it must carry
     * @param origin the origin line
     * @return the origin
     * @throws IllegalArgumentException when the line is not an origin of that prefix
     */
    public static LogOrigin parse(String prefix, String origin) {
        if (origin.equals(prefix + NO_ORGANIZATION)) {
            return new LogOrigin(prefix, null);
        }
        String start = prefix + ORGANIZATION;
        if (origin.startsWith(start) && origin.length() > start.length()) {
            String encoded = origin.substring(start.length());
            String organizationId = decode(encoded);
            if (organizationId != null && encode(organizationId).equals(encoded)) {
                return new LogOrigin(prefix, organizationId);
            }
        }
        throw new IllegalArgumentException("'" + LogCheckpoint.abbreviate(origin) + "' is not a log origin of prefix "
                + prefix);
    }

    /**
     * The origin line.
     *
     * @return {@code <prefix>/org/<encoded organisation>} or {@code <prefix>/no-organization}
     */
    public String value() {
        return organizationId == null ? prefix + NO_ORGANIZATION : prefix + ORGANIZATION + encode(organizationId);
    }

    @Override
    public String toString() {
        return value();
    }

    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX_DIGITS[(b >> 4) & 0xf]).append(HEX_DIGITS[b & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static @Nullable String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String decoded = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        return decoded.isEmpty() ? null : decoded;
    }
}
