package io.auditrail.jdbc.internal.export;

import java.io.IOException;
import java.sql.SQLException;

/** Writes rows one at a time in one export format, so memory does not grow with the export. */
interface EventFormatter {

    void begin() throws IOException;

    void write(ExportRow row) throws IOException, SQLException;

    void end() throws IOException;
}
