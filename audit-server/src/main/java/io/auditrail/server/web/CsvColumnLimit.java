package io.auditrail.server.web;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes on only the first columns of each RFC 4180 record. The store's CSV export starts
 * with the hosted API's nine columns and adds its own after them; cutting the rest keeps the
 * store's quoting and formula neutralisation byte for byte while the export streams. Works on
 * UTF-8 bytes, because comma, quote, CR and LF never occur inside a multi-byte character.
 */
final class CsvColumnLimit extends FilterOutputStream {

    private final int columns;
    private int column;
    private boolean quoted;

    CsvColumnLimit(OutputStream out, int columns) {
        super(out);
        this.columns = columns;
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '"') {
            // An escaped quote ("") closes and reopens the quoted cell, which leaves it quoted.
            quoted = !quoted;
        } else if (!quoted && b == ',') {
            column++;
        } else if (!quoted && (b == '\r' || b == '\n')) {
            column = 0;
            out.write(b);
            return;
        }
        if (column < columns) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }
}
