package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.internal.schema.SchemaValidator;
import io.auditrail.jdbc.schema.TableName;
import java.util.List;

/**
 * The tables of one chained store and how each dialect names a row's chain.
 *
 * @param events the audit table
 * @param heads the newest link of every chain, also the per-chain lock the sealer takes
 * @param checkpoints signed heads and anchors
 * @param dialectName {@code postgresql}, {@code mysql}, {@code h2} or {@code hsqldb}
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

    /**
     * What the chain reads and writes, for the start-up schema check; the store checks the rest
     * of the audit table.
     *
     * @param eventsDdl the DDL that creates the audit table
     */
    List<SchemaValidator.RequiredTable> required(String eventsDdl) {
        String ddl = ChainScript.resourceName(dialectName);
        String create = "auditrail.jdbc.initialize-schema=always";
        List<String> chainColumns = "postgresql".equals(dialectName) ? List.of("chain_seq", "prev_hash", "hash")
                : List.of("chain_seq", "prev_hash", "hash", "chain_org");
        return List.of(
                new SchemaValidator.RequiredTable("audit table", events, chainColumns, eventsDdl, ddl, create),
                new SchemaValidator.RequiredTable("chain heads table", heads,
                        List.of("organization_key", "head_seq", "head_hash"), ddl, create),
                new SchemaValidator.RequiredTable("checkpoint table", checkpoints, List.of("id", "organization_key", "kind",
                        "chain_seq", "hash", "created_at", "signature"), ddl, create));
    }

    static String key(String organizationId) {
        return organizationId == null ? "" : organizationId;
    }

    static String organization(String key) {
        return key.isEmpty() ? null : key;
    }
}
