package io.auditrail.jdbc.internal.export;

import java.io.IOException;
import java.sql.SQLException;

/** Writes rows one at a time in one export format, so memory does not grow with the export. */
interface EventFormatter {

    /** Every column the event JSON prints. */
    String ALL_COLUMNS = "event_id, occurred_at, organization_id, actor_id, actor_name, actor_email, actor_type, action,"
            + " resource_type, resource_id, resource_name, outcome, error_type, error_message, ip, user_agent,"
            + " request_id, metadata";

    /**
     * The columns this format prints, so that the database sends no others.
     *
     * @return a comma-separated column list
     */
    String columns();

    void begin() throws IOException;

    void write(ExportRow row) throws IOException, SQLException;

    void end() throws IOException;
}
