package io.auditrail.jdbc.internal.export;

import java.io.IOException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** CSV with the hosted API's column order first, CRLF line ends as RFC 4180 asks. */
final class CsvFormatter implements EventFormatter {

    static final String HEADER = "id,timestamp,actor_id,actor_name,action,resource_type,resource_id,resource_name,"
            + "organization_id,outcome,ip,metadata";

    private static final String COLUMNS = "event_id, occurred_at, actor_id, actor_name, action, resource_type,"
            + " resource_id, resource_name, organization_id, outcome, ip, metadata";

    private final Utf8Output out;

    CsvFormatter(Utf8Output out) {
        this.out = out;
    }

    @Override
    public String columns() {
        return COLUMNS;
    }

    @Override
    public void begin() throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    /** The id and timestamp are hex digits and dashes, and the outcome a fixed word: no quoting, no formula. */
    @Override
    public void write(ExportRow row) throws IOException, SQLException {
        out.write(row.id());
        out.write(',');
        out.write(row.timestamp());
        cell(row.actorId());
        cell(row.actorName());
        cell(row.action());
        cell(row.resourceType());
        cell(row.resourceId());
        cell(row.resourceName());
        cell(row.organizationId());
        out.write(',');
        out.write(row.outcome().wireName());
        cell(row.ip());
        cell(row.metadataJson());
        out.write("\r\n");
    }

    private void cell(@Nullable String value) throws IOException {
        out.write(',');
        CsvCells.write(out, value);
    }

    @Override
    public void end() {
    }
}
