package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.schema.TableName;

/**
 * The tables of one chained store and how each dialect names a row's chain.
 *
 * @param events the audit table
 * @param heads the newest link of every chain, also the per-chain lock the sealer takes
 * @param checkpoints signed heads and anchors
 * @param dialectName {@code postgresql}, {@code mysql} or {@code h2}
 */
record ChainTables(TableName events, TableName heads, TableName checkpoints, String dialectName) {

    /**
     * The SQL expression of a row's chain key: the organisation, or '' for events without one.
     * PostgreSQL indexes the expression itself; the others index a generated column.
     */
    String chainKey() {
        return "postgresql".equals(dialectName) ? "COALESCE(organization_id, '')" : "chain_org";
    }

    /** The call that deletes a sealed prefix of one chain: parameters chain key, last sequence. */
    String purgeSql() {
        String function = (events.schema() == null ? "" : events.schema() + ".") + events.name() + "_chain_purge";
        return switch (dialectName) {
            case "postgresql" -> "SELECT " + function + "(?, ?)";
            case "mysql" -> "{CALL " + function + "(?, ?)}";
            default -> "DELETE FROM " + events.qualified() + " WHERE chain_org = ? AND chain_seq <= ?";
        };
    }

    static String key(String organizationId) {
        return organizationId == null ? "" : organizationId;
    }

    static String organization(String key) {
        return key.isEmpty() ? null : key;
    }
}
