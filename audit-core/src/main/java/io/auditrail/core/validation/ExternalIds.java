package io.auditrail.core.validation;

import io.auditrail.core.event.UnsafeCharacters;

/**
 * Makes identifiers that come from outside the application (a username typed at sign-up, the
 * name attempted at a failed login, a requested path) safe to record. Rejecting them, as
 * identifiers written by the application are rejected, would let whoever chooses them avoid
 * being audited; instead unsafe characters are escaped and an over-long value is cut with a
 * visible marker.
 */
public final class ExternalIds {

    private static final String CUT_MARKER = "…";

    private ExternalIds() {
    }

    /**
     * A recordable form of an externally chosen identifier.
     *
     * @param id the identifier, possibly hostile
     * @param maxLength the identifier length limit
     * @return the id itself when it is safe and short enough, otherwise an escaped and cut copy
     */
    public static String sanitize(String id, int maxLength) {
        String safe = UnsafeCharacters.escape(id);
        if (safe.length() <= maxLength) {
            return safe;
        }
        int end = maxLength - CUT_MARKER.length();
        if (Character.isHighSurrogate(safe.charAt(end - 1))) {
            end--;
        }
        return safe.substring(0, end) + CUT_MARKER;
    }
}
