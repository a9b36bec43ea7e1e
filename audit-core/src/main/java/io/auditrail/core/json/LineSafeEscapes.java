package io.auditrail.core.json;

import io.auditrail.core.event.UnsafeCharacters;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Escapes every character that could break a line-oriented reader or mislead a human
 * one: C0 and C1 controls, DEL, the Unicode line and paragraph separators and the
 * bidirectional formatting controls. Every JSON document Auditrail writes is one line.
 */
final class LineSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] asciiEscapes;

    LineSafeEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        asciiEscapes[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return needsEscape(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }

    private static boolean needsEscape(int ch) {
        return UnsafeCharacters.isUnsafe(ch);
    }
}
