package io.auditrail.jdbc.contract;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.ExportFormat;
import java.io.StringWriter;
import java.util.List;

/**
 * The export as it was written before rows were streamed straight from the result set: each
 * row read back as a validated event, then formatted from the event. The contract tests use it
 * as the oracle the streaming export must match byte for byte.
 */
final class EventByEventExport {

    private static final String CSV_HEADER = "id,timestamp,actor_id,actor_name,action,resource_type,resource_id,"
            + "resource_name,organization_id,outcome,ip,metadata";

    private final AuditEventCodec codec = new AuditEventCodec();

    String format(ExportFormat format, List<AuditEvent> newestFirst) {
        StringWriter out = new StringWriter();
        switch (format) {
            case CSV -> {
                out.write(CSV_HEADER + "\r\n");
                newestFirst.forEach(event -> out.write(csvLine(event)));
            }
            case JSON -> {
                out.write('[');
                for (int i = 0; i < newestFirst.size(); i++) {
                    out.write(i == 0 ? "\n" : ",\n");
                    codec.writeJson(newestFirst.get(i), out);
                }
                out.write(newestFirst.isEmpty() ? "]\n" : "\n]\n");
            }
            case JSON_LINES -> newestFirst.forEach(event -> {
                codec.writeJson(event, out);
                out.write('\n');
            });
        }
        return out.toString();
    }

    private String csvLine(AuditEvent event) {
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
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = isFormula(firstSignificant(value)) ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static char firstSignificant(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r') {
                return c;
            }
            if (c != ' ' && c != '\u00A0' && c != '"' && c != '\'') {
                return c;
            }
        }
        return value.charAt(0);
    }

    private static boolean isFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
    }
}
