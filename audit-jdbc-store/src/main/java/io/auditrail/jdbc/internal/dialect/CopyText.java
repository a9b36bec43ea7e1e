package io.auditrail.jdbc.internal.dialect;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Formats events as the rows of PostgreSQL's COPY text format, in the column order of
 * {@code EventColumns.INSERTED}: tab-separated, {@code \N} for null, and a backslash before
 * the backslashes, tabs and line breaks a value holds, so that no value can end its cell or
 * its row early or read as null.
 */
final class CopyText {

    private CopyText() {
    }

    static String rows(AuditEventCodec codec, List<AuditEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 320);
        for (AuditEvent event : events) {
            out.append(event.id()).append('\t').append(event.timestamp());
            cell(out, event.organizationId());
            cell(out, event.actor().id());
            cell(out, event.actor().name());
            cell(out, event.actor().email());
            cell(out, event.actor().type().wireName());
            cell(out, event.action());
            cell(out, event.resource().type());
            cell(out, event.resource().id());
            cell(out, event.resource().name());
            cell(out, event.outcome().status().wireName());
            cell(out, event.outcome().errorType());
            cell(out, event.outcome().errorMessage());
            cell(out, event.context().ip());
            cell(out, event.context().userAgent());
            cell(out, event.context().requestId());
            cell(out, event.metadata().isEmpty() ? null : codec.metadataToJson(event.metadata()));
            out.append('\n');
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, @Nullable String value) {
        out.append('\t');
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
