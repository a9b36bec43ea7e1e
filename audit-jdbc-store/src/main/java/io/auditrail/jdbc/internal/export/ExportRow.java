package io.auditrail.jdbc.internal.export;

import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The current row of an export, each value in the text form the validated event would give,
 * read without building one: the values were validated when they were written, and building
 * and re-validating a million events was half of an export's time. Columns are looked up by
 * name once per export, not once per value.
 */
final class ExportRow {

    private final ResultSet row;
    private final SqlDialect dialect;
    private final AuditEventCodec codec;
    private final int eventId;
    private final int occurredAt;
    private final int organizationId;
    private final int actorId;
    private final int actorName;
    private final int actorEmail;
    private final int actorType;
    private final int action;
    private final int resourceType;
    private final int resourceId;
    private final int resourceName;
    private final int outcome;
    private final int errorType;
    private final int errorMessage;
    private final int ip;
    private final int userAgent;
    private final int requestId;
    private final int metadata;

    ExportRow(ResultSet row, SqlDialect dialect, AuditEventCodec codec) throws SQLException {
        ResultSetMetaData columns = row.getMetaData();
        this.row = row;
        this.dialect = dialect;
        this.codec = codec;
        this.eventId = column(columns, "event_id");
        this.occurredAt = column(columns, "occurred_at");
        this.organizationId = column(columns, "organization_id");
        this.actorId = column(columns, "actor_id");
        this.actorName = column(columns, "actor_name");
        this.actorEmail = column(columns, "actor_email");
        this.actorType = column(columns, "actor_type");
        this.action = column(columns, "action");
        this.resourceType = column(columns, "resource_type");
        this.resourceId = column(columns, "resource_id");
        this.resourceName = column(columns, "resource_name");
        this.outcome = column(columns, "outcome");
        this.errorType = column(columns, "error_type");
        this.errorMessage = column(columns, "error_message");
        this.ip = column(columns, "ip");
        this.userAgent = column(columns, "user_agent");
        this.requestId = column(columns, "request_id");
        this.metadata = column(columns, "metadata");
    }

    /** Lower-case canonical UUID text; any other spelling a database returns goes through {@link UUID}. */
    String id() throws SQLException {
        String text = row.getString(eventId);
        return dialect.readsCanonicalUuidText() || isCanonicalUuid(text) ? text : UUID.fromString(text).toString();
    }

    /** From the column's text when the driver gives it in UTC, which costs less than an {@code OffsetDateTime}. */
    String timestamp() throws SQLException {
        String text = ExportTimestamps.fromUtcText(row.getString(occurredAt));
        return text != null ? text : AuditEventCodec.formatTimestamp(dialect.readTimestamp(row, occurredAt));
    }

    @Nullable String organizationId() throws SQLException {
        return optional(organizationId);
    }

    String actorId() throws SQLException {
        return row.getString(actorId);
    }

    @Nullable String actorName() throws SQLException {
        return optional(actorName);
    }

    @Nullable String actorEmail() throws SQLException {
        return optional(actorEmail);
    }

    String actorType() throws SQLException {
        return ActorType.fromWireName(row.getString(actorType)).wireName();
    }

    String action() throws SQLException {
        return row.getString(action);
    }

    String resourceType() throws SQLException {
        return row.getString(resourceType);
    }

    String resourceId() throws SQLException {
        return row.getString(resourceId);
    }

    @Nullable String resourceName() throws SQLException {
        return optional(resourceName);
    }

    Outcome.Status outcome() throws SQLException {
        return Outcome.Status.fromWireName(row.getString(outcome));
    }

    @Nullable String errorType() throws SQLException {
        return optional(errorType);
    }

    @Nullable String errorMessage() throws SQLException {
        return optional(errorMessage);
    }

    @Nullable String ip() throws SQLException {
        return optional(ip);
    }

    @Nullable String userAgent() throws SQLException {
        return optional(userAgent);
    }

    @Nullable String requestId() throws SQLException {
        return optional(requestId);
    }

    /** The metadata as the codec writes it, or {@code null} when there is none. */
    @Nullable String metadataJson() throws SQLException {
        return codec.storedMetadataToJson(row.getString(metadata));
    }

    /** A format selects only the columns it prints; 0 marks one not selected, which the driver refuses to read. */
    private static int column(ResultSetMetaData columns, String name) throws SQLException {
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            if (columns.getColumnLabel(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return 0;
    }

    /** As the event does, a blank optional value counts as absent. */
    private @Nullable String optional(int column) throws SQLException {
        String value = row.getString(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean isCanonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean valid = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'f');
            if (!valid) {
                return false;
            }
        }
        return true;
    }
}
