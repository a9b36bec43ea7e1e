package io.auditrail.jdbc.internal.export;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.io.IOException;
import java.io.Writer;

/** CSV with the hosted API's column order first, CRLF line ends as RFC 4180 asks. */
final class CsvFormatter implements EventFormatter {

    static final String HEADER = "id,timestamp,actor_id,actor_name,action,resource_type,resource_id,resource_name,"
            + "organization_id,outcome,ip,metadata";

    private final Writer out;
    private final AuditEventCodec codec;

    CsvFormatter(Writer out, AuditEventCodec codec) {
        this.out = out;
        this.codec = codec;
    }

    @Override
    public void begin() throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void write(AuditEvent event) throws IOException {
        String[] cells = {
            event.id().toString(),
            AuditEventCodec.formatTimestamp(event.timestamp()),
            event.actor().id(),
            event.actor().name(),
            event.action(),
            event.resource().type(),
            event.resource().id(),
            event.resource().name(),
            event.organizationId(),
            event.outcome().status().wireName(),
            event.context().ip(),
            event.metadata().isEmpty() ? null : codec.metadataToJson(event.metadata()),
        };
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(CsvCells.cell(cells[i]));
        }
        out.write("\r\n");
    }

    @Override
    public void end() {
    }
}
