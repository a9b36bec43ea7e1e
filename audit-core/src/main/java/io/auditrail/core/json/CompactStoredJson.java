package io.auditrail.core.json;

import io.auditrail.core.event.UnsafeCharacters;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link AuditEventCodec#storedMetadataToJson(String)}: stored metadata in
 * which every token is already spelled as the codec writes it, copied in one pass without the
 * whitespace between tokens. That covers what the codec stored itself (MariaDB, H2 and HSQLDB
 * return that text, and it comes back as the same string) and PostgreSQL's {@code jsonb}
 * output, which adds a space after each colon and comma. Anything else (an escape the codec
 * spells differently, a number it would normalise, a character it escapes, a surrogate,
 * deep nesting, malformed text) is left to the token-by-token copy, which also reports errors.
 */
final class CompactStoredJson {

    /** Deeper documents go to the token copy, which has Jackson's own nesting limit. */
    private static final int MAX_DEPTH = 64;

    /** Longer numbers go to the token copy, which has Jackson's own length limit. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final String json;
    private final char[] out;
    private int in;
    private int length;

    private CompactStoredJson(String json) {
        this.json = json;
        this.out = new char[json.length()];
    }

    /**
     * Copies stored metadata that needs no re-encoding.
     *
     * @param json a stored JSON object
     * @return the codec's text for it, or {@code null} when the token copy must decide
     */
    static @Nullable String compact(String json) {
        CompactStoredJson copy = new CompactStoredJson(json);
        if (!copy.document()) {
            return null;
        }
        return copy.length == json.length() ? json : new String(copy.out, 0, copy.length);
    }

    /** A non-empty object and nothing after it but whitespace; the token copy turns {@code {}} into no metadata. */
    private boolean document() {
        skipWhitespace();
        if (!at('{') || peekAfterWhitespace(in + 1) == '}' || !object(1)) {
            return false;
        }
        skipWhitespace();
        return in == json.length();
    }

    private boolean object(int depth) {
        copy();
        skipWhitespace();
        if (at('}')) {
            copy();
            return true;
        }
        while (true) {
            if (!at('"') || !string()) {
                return false;
            }
            skipWhitespace();
            if (!at(':')) {
                return false;
            }
            copy();
            skipWhitespace();
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (at('}')) {
                copy();
                return true;
            }
            if (!at(',')) {
                return false;
            }
            copy();
            skipWhitespace();
        }
    }

    private boolean array(int depth) {
        copy();
        skipWhitespace();
        if (at(']')) {
            copy();
            return true;
        }
        while (true) {
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (at(']')) {
                copy();
                return true;
            }
            if (!at(',')) {
                return false;
            }
            copy();
            skipWhitespace();
        }
    }

    private boolean value(int depth) {
        if (in >= json.length()) {
            return false;
        }
        char c = json.charAt(in);
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            return depth < MAX_DEPTH && (c == '{' ? object(depth + 1) : array(depth + 1));
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        return literal("true") || literal("false") || literal("null");
    }

    /**
     * A string the codec writes back unchanged: no character it escapes, no surrogate (how its
     * UTF-8 generator spells a pair is left to it), and only the escapes it writes itself.
     */
    private boolean string() {
        String text = json;
        char[] target = out;
        int end = text.length();
        int from = in + 1;
        int to = length;
        target[to++] = '"';
        while (from < end) {
            char c = text.charAt(from++);
            target[to++] = c;
            if (c == '"') {
                in = from;
                length = to;
                return true;
            }
            if (c == '\\') {
                if (from >= end || !isOwnEscape(text.charAt(from))) {
                    return false;
                }
                target[to++] = text.charAt(from++);
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && (Character.isSurrogate(c)
                    || UnsafeCharacters.isUnsafe(c)))) {
                return false;
            }
        }
        return false;
    }

    /** The two-character escapes the codec writes; it spells every other one as {@code \\uXXXX} or not at all. */
    private static boolean isOwnEscape(char c) {
        return c == '"' || c == '\\' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't';
    }

    /**
     * An integer other than {@code -0}, or a decimal point form without trailing zeros: the
     * forms a validated value already has. Exponents, {@code 1.50} and {@code 0.0} are
     * normalised by the token copy.
     */
    private boolean number() {
        int start = in;
        boolean negative = at('-');
        if (negative) {
            copy();
        }
        if (at('0')) {
            copy();
            if (in < json.length() && isDigit(json.charAt(in)) || negative && !at('.')) {
                return false;
            }
        } else if (!digits()) {
            return false;
        }
        if (at('.')) {
            copy();
            if (!digits() || json.charAt(in - 1) == '0') {
                return false;
            }
        }
        return !at('e') && !at('E') && in - start <= MAX_NUMBER_LENGTH;
    }

    private boolean digits() {
        int start = in;
        while (in < json.length() && isDigit(json.charAt(in))) {
            copy();
        }
        return in > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean literal(String word) {
        if (!json.startsWith(word, in)) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            copy();
        }
        return true;
    }

    private boolean at(char c) {
        return in < json.length() && json.charAt(in) == c;
    }

    private void copy() {
        out[length++] = json.charAt(in++);
    }

    private void skipWhitespace() {
        while (in < json.length() && isWhitespace(json.charAt(in))) {
            in++;
        }
    }

    private char peekAfterWhitespace(int from) {
        int i = from;
        while (i < json.length() && isWhitespace(json.charAt(i))) {
            i++;
        }
        return i < json.length() ? json.charAt(i) : 0;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
