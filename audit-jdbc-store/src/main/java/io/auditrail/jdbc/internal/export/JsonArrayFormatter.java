package io.auditrail.jdbc.internal.export;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.io.IOException;
import java.io.Writer;

/** One JSON array, one event object per line inside it, so large exports stay diff- and grep-friendly. */
final class JsonArrayFormatter implements EventFormatter {

    private final Writer out;
    private final AuditEventCodec codec;
    private boolean first = true;

    JsonArrayFormatter(Writer out, AuditEventCodec codec) {
        this.out = out;
        this.codec = codec;
    }

    @Override
    public void begin() throws IOException {
        out.write('[');
    }

    @Override
    public void write(AuditEvent event) throws IOException {
        out.write(first ? "\n" : ",\n");
        first = false;
        codec.writeJson(event, out);
    }

    @Override
    public void end() throws IOException {
        out.write(first ? "]\n" : "\n]\n");
    }
}
