package io.auditrail.jdbc.internal.export;

import io.auditrail.core.event.Outcome;
import io.auditrail.core.json.AuditEventCodec;
import java.io.Writer;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a row as {@link AuditEventCodec#writeJson(io.auditrail.core.event.AuditEvent, Writer)}
 * writes the event: the same fields in the same order, absent values left out, with the
 * codec's escaping. The export tests compare the two byte for byte.
 */
final class JsonRowWriter {

    private final Writer out;
    private final AuditEventCodec codec;

    JsonRowWriter(Writer out, AuditEventCodec codec) {
        this.out = out;
        this.codec = codec;
    }

    void write(ExportRow row) throws SQLException {
        try (JsonGenerator g = codec.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("id", row.id());
            g.writeStringProperty("timestamp", row.timestamp());
            optional(g, "organization_id", row.organizationId());
            g.writeName("actor");
            g.writeStartObject();
            g.writeStringProperty("id", row.actorId());
            optional(g, "name", row.actorName());
            optional(g, "email", row.actorEmail());
            g.writeStringProperty("type", row.actorType());
            g.writeEndObject();
            g.writeStringProperty("action", row.action());
            g.writeName("resource");
            g.writeStartObject();
            g.writeStringProperty("type", row.resourceType());
            g.writeStringProperty("id", row.resourceId());
            optional(g, "name", row.resourceName());
            g.writeEndObject();
            Outcome.Status status = row.outcome();
            g.writeStringProperty("outcome", status.wireName());
            if (status == Outcome.Status.FAILURE) {
                g.writeName("error");
                g.writeStartObject();
                optional(g, "type", row.errorType());
                optional(g, "message", row.errorMessage());
                g.writeEndObject();
            }
            writeContext(g, row.ip(), row.userAgent(), row.requestId());
            String metadata = row.metadataJson();
            if (metadata != null) {
                g.writeName("metadata");
                g.writeRawValue(metadata);
            }
            g.writeEndObject();
        }
    }

    private static void writeContext(JsonGenerator g, @Nullable String ip, @Nullable String userAgent,
            @Nullable String requestId) {
        if (ip == null && userAgent == null && requestId == null) {
            return;
        }
        g.writeName("context");
        g.writeStartObject();
        optional(g, "ip", ip);
        optional(g, "user_agent", userAgent);
        optional(g, "request_id", requestId);
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, @Nullable String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }
}
