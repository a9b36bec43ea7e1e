package io.auditrail.jdbc.internal.export;

import io.auditrail.core.json.AuditEventCodec;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;

/** One JSON array, one event object per line inside it, so large exports stay diff- and grep-friendly. */
final class JsonArrayFormatter implements EventFormatter {

    private final Writer out;
    private final JsonRowWriter rows;
    private boolean first = true;

    JsonArrayFormatter(Writer out, AuditEventCodec codec) {
        this.out = out;
        this.rows = new JsonRowWriter(out, codec);
    }

    @Override
    public String columns() {
        return ALL_COLUMNS;
    }

    @Override
    public void begin() throws IOException {
        out.write('[');
    }

    @Override
    public void write(ExportRow row) throws IOException, SQLException {
        out.write(first ? "\n" : ",\n");
        first = false;
        rows.write(row);
    }

    @Override
    public void end() throws IOException {
        out.write(first ? "]\n" : "\n]\n");
    }
}
