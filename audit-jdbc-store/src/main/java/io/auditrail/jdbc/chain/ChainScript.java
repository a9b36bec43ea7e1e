package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.schema.SqlScript;
import java.util.List;
import java.util.Map;

/** The shipped chain DDL ({@code chain-<dialect>.sql}) with names filled in, split into statements. */
final class ChainScript {

    private ChainScript() {
    }

    static String resourceName(String dialectName) {
        return "/io/auditrail/jdbc/schema/v1/chain-" + dialectName + ".sql";
    }

    static List<String> statements(ChainTables tables, String functionPrefix) {
        return SqlScript.statements(resourceName(tables.dialectName()), Map.of(
                "table", tables.events().qualified(),
                "name", tables.events().name(),
                "heads", tables.heads().qualified(),
                "checkpoints_name", tables.checkpoints().name(),
                "checkpoints", tables.checkpoints().qualified(),
                "prefix", functionPrefix));
    }
}
