package io.auditrail.jdbc.internal.export;

import io.auditrail.core.event.AuditEvent;
import java.io.IOException;

/** Writes events one at a time in one export format, so memory does not grow with the export. */
interface EventFormatter {

    void begin() throws IOException;

    void write(AuditEvent event) throws IOException;

    void end() throws IOException;
}
