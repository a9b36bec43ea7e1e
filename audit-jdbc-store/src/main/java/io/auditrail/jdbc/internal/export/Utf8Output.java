package io.auditrail.jdbc.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The export's only buffer: characters are encoded as UTF-8 into a byte array that goes to the
 * caller's stream when it is full and at the end. An {@code OutputStreamWriter} inside a
 * {@code BufferedWriter} takes a lock in each for every value of every row, which was an
 * eighth of an export's time; one thread writes an export, so this takes none. Encodes as
 * that pair did, a lone surrogate included (as {@code ?}). Neither {@link #flush()} nor
 * {@link #close()} reaches the stream, since a JSON generator calls both once per event; the
 * exporter calls {@link #finish()} once.
 */
final class Utf8Output extends Writer {

    private static final int SIZE = 16 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private int count;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char high;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (count > SIZE - 4) {
            drain();
        }
        if (c < 0x80 && high == 0) {
            buffer[count++] = (byte) c;
        } else {
            encode((char) c);
        }
    }

    @Override
    public void write(String text) throws IOException {
        write(text, 0, text.length());
    }

    /** Runs of ASCII go straight into the buffer with the position in a local, which is most of an export's text. */
    @Override
    public void write(String text, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (count > SIZE - 5) {
                drain();
            }
            if (high == 0) {
                byte[] bytes = buffer;
                int position = count;
                int stop = Math.min(end, i + SIZE - 4 - position);
                char c;
                while (i < stop && (c = text.charAt(i)) < 0x80) {
                    bytes[position++] = (byte) c;
                    i++;
                }
                count = position;
                if (i == stop) {
                    continue;
                }
            }
            encode(text.charAt(i++));
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (count > SIZE - 4) {
                drain();
            }
            char c = chars[i];
            if (c < 0x80 && high == 0) {
                buffer[count++] = (byte) c;
            } else {
                encode(c);
            }
        }
    }

    /**
     * Writes a CSV cell that needs no quotes in the same pass that looks for a reason to quote
     * it, which most cells lack: a separator, a double quote or a line break.
     *
     * @param text the cell's text
     * @param apostrophe whether to put the formula-defusing apostrophe first
     * @return {@code false}, having written nothing, when the text holds one of those
     *         characters or is too long to take back; the caller then decides the slow way
     * @throws IOException from the stream
     */
    boolean writeUnlessQuotesNeeded(String text, boolean apostrophe) throws IOException {
        int length = text.length();
        if (high != 0 || length > SIZE / 4) {
            return false;
        }
        if (count > SIZE - 3 * length - 1) {
            drain();
        }
        int start = count;
        byte[] bytes = buffer;
        int position = start;
        if (apostrophe) {
            bytes[position++] = '\'';
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ',' || c <= '"' && (c == '"' || c == '\n' || c == '\r')) {
                count = start;
                high = 0;
                return false;
            }
            if (c < 0x80 && high == 0) {
                bytes[position++] = (byte) c;
            } else {
                count = position;
                encode(c);
                position = count;
            }
        }
        count = position;
        return true;
    }

    /**
     * Writes text with each double quote doubled, as a quoted CSV cell holds it.
     *
     * @param text the cell's text
     * @throws IOException from the stream
     */
    void writeDoublingQuotes(String text) throws IOException {
        int i = 0;
        int end = text.length();
        while (i < end) {
            if (count > SIZE - 7) {
                drain();
            }
            if (high == 0) {
                byte[] bytes = buffer;
                int position = count;
                int stop = Math.min(end, i + (SIZE - 5 - position) / 2);
                char c;
                while (i < stop && (c = text.charAt(i)) < 0x80) {
                    bytes[position++] = (byte) c;
                    if (c == '"') {
                        bytes[position++] = '"';
                    }
                    i++;
                }
                count = position;
                if (i == stop) {
                    continue;
                }
            }
            char c = text.charAt(i++);
            encode(c);
            if (c == '"') {
                buffer[count++] = '"';
            }
        }
    }

    /** The caller leaves room for four bytes: a replaced lone surrogate and a three-byte character at most. */
    private void encode(char c) {
        if (high != 0) {
            char pending = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int codePoint = Character.toCodePoint(pending, c);
                buffer[count++] = (byte) (0xF0 | codePoint >> 18);
                buffer[count++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[count++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[count++] = (byte) (0x80 | codePoint & 0x3F);
                return;
            }
            buffer[count++] = '?';
        }
        if (c < 0x80) {
            buffer[count++] = (byte) c;
        } else if (c < 0x800) {
            buffer[count++] = (byte) (0xC0 | c >> 6);
            buffer[count++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buffer[count++] = '?';
        } else {
            buffer[count++] = (byte) (0xE0 | c >> 12);
            buffer[count++] = (byte) (0x80 | c >> 6 & 0x3F);
            buffer[count++] = (byte) (0x80 | c & 0x3F);
        }
    }

    /** Called by JSON generators once per event: the bytes stay in the buffer. */
    @Override
    public void flush() {
    }

    /** The stream belongs to the caller. */
    @Override
    public void close() {
    }

    /**
     * Writes what is buffered to the stream and flushes it.
     *
     * @throws IOException from the stream
     */
    void finish() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buffer, 0, count);
        count = 0;
    }
}
