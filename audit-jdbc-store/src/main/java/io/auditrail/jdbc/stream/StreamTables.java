package io.auditrail.jdbc.stream;

import io.auditrail.jdbc.schema.TableName;

/**
 * The three tables streams use.
 *
 * @param events the audit table read by cursor
 * @param streams the streams table
 * @param refused the refused-batch table
 */
record StreamTables(TableName events, TableName streams, TableName refused) {

    static StreamTables of(TableName events, TableName streams) {
        return new StreamTables(events, streams, new TableName(streams.schema(), streams.name() + "_refused"));
    }
}
