package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.schema.SqlScript;
import java.util.List;
import java.util.Map;

/** The shipped log DDL ({@code chain-<dialect>.sql}) with names filled in, split into statements. */
final class ChainScript {

    private ChainScript() {
    }

    static String resourceName(String dialectName) {
        return "/io/auditrail/jdbc/schema/v1/chain-" + dialectName + ".sql";
    }

    /**
     * @param schemaPrefix the tables' schema with a dot ("" where the dialect does not need it),
     *     so that PostgreSQL functions with a fixed search_path can name every table
     */
    static List<String> statements(LogTables tables, String schemaPrefix) {
        return SqlScript.statements(resourceName(tables.dialectName()), Map.ofEntries(
                Map.entry("table", tables.events().qualified()),
                Map.entry("name", tables.events().name()),
                Map.entry("leaves", tables.leaves().qualified()),
                Map.entry("nodes", tables.nodes().qualified()),
                Map.entry("gate", tables.gate().qualified()),
                Map.entry("checkpoints_name", tables.checkpoints().name()),
                Map.entry("checkpoints", tables.checkpoints().qualified()),
                Map.entry("prefix", schemaPrefix),
                Map.entry("qtable", schemaPrefix + tables.events().name()),
                Map.entry("qleaves", schemaPrefix + tables.leaves().name()),
                Map.entry("qcheckpoints", qualified(tables, schemaPrefix))));
    }

    private static String qualified(LogTables tables, String schemaPrefix) {
        return tables.checkpoints().schema() != null ? tables.checkpoints().qualified()
                : schemaPrefix + tables.checkpoints().name();
    }
}
