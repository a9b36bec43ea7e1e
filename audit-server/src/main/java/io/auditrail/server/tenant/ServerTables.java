package io.auditrail.server.tenant;

import io.auditrail.jdbc.schema.TableName;

/**
 * The server's own tables, named from one validated prefix: names are spliced into SQL text,
 * so each is checked as a plain (optionally schema-qualified) identifier.
 *
 * @param organizations organisations and their plans
 * @param apiKeys API keys, stored as SHA-256 hashes
 * @param usage events stored per organisation and month
 */
public record ServerTables(TableName organizations, TableName apiKeys, TableName usage) {

    /**
     * Names the tables {@code <prefix>organizations}, {@code <prefix>api_keys} and {@code <prefix>usage}.
     *
     * @param prefix for example {@code audit_server_} or {@code audit.server_}
     * @return the validated names
     * @throws IllegalArgumentException when a resulting name is not a plain SQL identifier
     */
    public static ServerTables withPrefix(String prefix) {
        String safePrefix = prefix == null ? "" : prefix;
        return new ServerTables(TableName.parse(safePrefix + "organizations"), TableName.parse(safePrefix + "api_keys"),
                TableName.parse(safePrefix + "usage"));
    }
}
