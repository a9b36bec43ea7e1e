package io.auditrail.jdbc.internal.query;


/**
 * Turns user text into LIKE patterns in which {@code %} and {@code _} are literal. The
 * escape character is {@code !} rather than a backslash, because MySQL treats backslashes in
 * string literals specially and PostgreSQL does not; {@code !} means the same everywhere.
 */
final class LikePatterns {

    static final String ESCAPE_CLAUSE = " ESCAPE '!'";

    private LikePatterns() {
    }

    /** The database folds both sides with LOWER, so column and pattern agree beyond ASCII. */
    static String containsIgnoringCase(String text) {
        return "%" + escape(text) + "%";
    }

    static String startsWith(String prefix) {
        return escape(prefix) + "%";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                escaped.append('!');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
