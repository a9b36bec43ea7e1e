package io.auditrail.core.event;

/**
 * Characters that must never reach a line-oriented output raw: C0 and C1 controls
 * (CR, LF, NUL, ESC of ANSI sequences ...), DEL, the Unicode line and paragraph separators
 * and the bidirectional formatting controls that make text read differently than stored.
 */
public final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    /**
     * Whether a code point is unsafe.
     *
     * @param codePoint a Unicode code point
     * @return {@code true} for controls, separators and bidi controls
     */
    public static boolean isUnsafe(int codePoint) {
        return codePoint < 0x20
                || (codePoint >= 0x7F && codePoint <= 0x9F)
                || codePoint == 0x2028 || codePoint == 0x2029
                || codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /**
     * Index of the first unsafe character.
     *
     * @param text any text
     * @return the index, or -1 when the text is safe
     */
    public static int firstUnsafeIndex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Replaces each unsafe character with its visible {@code \\uXXXX} form.
     *
     * @param text any text
     * @return the same text when it is safe, otherwise an escaped copy
     */
    public static String escape(String text) {
        int first = firstUnsafeIndex(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
