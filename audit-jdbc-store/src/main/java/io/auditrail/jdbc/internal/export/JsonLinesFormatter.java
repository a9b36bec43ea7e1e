package io.auditrail.jdbc.internal.export;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.io.IOException;
import java.io.Writer;

/** JSON Lines: the codec escapes line breaks inside values, so each event is exactly one line. */
final class JsonLinesFormatter implements EventFormatter {

    private final Writer out;
    private final AuditEventCodec codec;

    JsonLinesFormatter(Writer out, AuditEventCodec codec) {
        this.out = out;
        this.codec = codec;
    }

    @Override
    public void begin() {
    }

    @Override
    public void write(AuditEvent event) throws IOException {
        codec.writeJson(event, out);
        out.write('\n');
    }

    @Override
    public void end() {
    }
}
