package io.auditrail.jdbc.export;

import java.io.FilterWriter;
import java.io.Writer;

/**
 * Shields the export stream from the JSON generator, which closes its target when it is
 * closed; the stream belongs to the caller. Not even a flush: the exporter flushes once at
 * the end instead of once per event.
 */
final class UnclosableWriter extends FilterWriter {

    UnclosableWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() {
    }
}
