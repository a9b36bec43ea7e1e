package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.internal.schema.SchemaValidator;
import io.auditrail.jdbc.schema.TableName;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tables of one store's transparency log.
 *
 * @param events the audit table
 * @param leaves leaf index to event, per organisation
 * @param nodes every complete subtree hash, level 0 being the leaf hashes
 * @param checkpoints signed checkpoints and retention records
 * @param gate MariaDB's purge gate, open only inside the purge procedure
 * @param dialectName {@code postgresql}, {@code mysql}, {@code h2} or {@code hsqldb}
 */
record LogTables(TableName events, TableName leaves, TableName nodes, TableName checkpoints, TableName gate,
        String dialectName) {

    static LogTables of(TableName events, TableName checkpoints, String dialectName) {
        return new LogTables(events, sibling(events, "_leaves"), sibling(events, "_nodes"), checkpoints,
                sibling(events, "_purge_gate"), dialectName);
    }

    private static TableName sibling(TableName events, String suffix) {
        return new TableName(events.schema(), events.name() + suffix);
    }

    /** An event row's organisation key: the organisation, or '' for events without one. */
    static final String ORGANIZATION_KEY = "COALESCE(organization_id, '')";

    boolean postgres() {
        return "postgresql".equals(dialectName);
    }

    boolean mysql() {
        return "mysql".equals(dialectName);
    }

    /**
     * The call that deletes the events of one organisation's leaves below an index, only events
     * of that organisation: parameters organisation key, index. H2 and HSQLDB have no definer-rights routine and delete directly.
     */
    String purgeSql() {
        String routine = (events.schema() == null ? "" : events.schema() + ".") + events.name() + "_log_purge";
        return switch (dialectName) {
            case "postgresql" -> "SELECT " + routine + "(?, ?)";
            case "mysql" -> "{CALL " + routine + "(?, ?)}";
            default -> "DELETE FROM " + events.qualified() + " WHERE EXISTS (SELECT 1 FROM " + leaves.qualified()
                    + " l WHERE l.organization_key = ? AND l.leaf_index < ? AND l.event_seq = seq"
                    + " AND l.organization_key = COALESCE(organization_id, ''))";
        };
    }

    /**
     * What the log reads and writes, for the start-up schema check; the store checks the audit
     * table itself.
     */
    List<SchemaValidator.RequiredTable> required() {
        String ddl = ChainScript.resourceName(dialectName);
        String create = "auditrail.jdbc.initialize-schema=always";
        return List.of(
                new SchemaValidator.RequiredTable("log leaves table", leaves,
                        List.of("organization_key", "leaf_index", "event_seq"), ddl, create),
                new SchemaValidator.RequiredTable("log nodes table", nodes,
                        List.of("organization_key", "node_level", "node_index", "hash"), ddl, create),
                new SchemaValidator.RequiredTable("checkpoint table", checkpoints, List.of("id", "organization_key",
                        "kind", "tree_size", "root_hash", "created_at", "note"), ddl, create));
    }

    static String key(@Nullable String organizationId) {
        return organizationId == null ? "" : organizationId;
    }

    static @Nullable String organization(String key) {
        return key.isEmpty() ? null : key;
    }
}
