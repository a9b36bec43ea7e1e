package io.auditrail.jdbc.internal.export;

import java.io.FilterWriter;
import java.io.Writer;

/**
 * Shields the export stream from the JSON generator, which closes its target when it is
 * closed; the stream belongs to the caller. Not even a flush: the exporter flushes the
 * underlying buffer once at the end instead of once per event.
 */
final class UnclosableWriter extends FilterWriter {

    UnclosableWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() {
    }

    /** Jackson flushes its target whenever a generator closes, which would be once per event. */
    @Override
    public void flush() {
    }
}
