package io.auditrail.jdbc.internal.export;

import io.auditrail.core.json.AuditEventCodec;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;

/** JSON Lines: the codec escapes line breaks inside values, so each event is exactly one line. */
final class JsonLinesFormatter implements EventFormatter {

    private final Writer out;
    private final JsonRowWriter rows;

    JsonLinesFormatter(Writer out, AuditEventCodec codec) {
        this.out = out;
        this.rows = new JsonRowWriter(out, codec);
    }

    @Override
    public String columns() {
        return ALL_COLUMNS;
    }

    @Override
    public void begin() {
    }

    @Override
    public void write(ExportRow row) throws IOException, SQLException {
        rows.write(row);
        out.write('\n');
    }

    @Override
    public void end() {
    }
}
