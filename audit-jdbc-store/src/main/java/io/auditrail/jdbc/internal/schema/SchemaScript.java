package io.auditrail.jdbc.internal.schema;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.schema.SqlScript;
import io.auditrail.jdbc.schema.TableName;
import java.util.List;
import java.util.Map;

/**
 * One of the shipped DDL files, with the table name filled in and split into statements.
 * The files are plain SQL with {@code ${table}} and {@code ${name}} placeholders, so a
 * Flyway or Liquibase user can copy them into a migration.
 */
final class SchemaScript {

    static final String VERSION = "v1";

    private SchemaScript() {
    }

    static String resourceName(SqlDialect dialect) {
        return "/io/auditrail/jdbc/schema/" + VERSION + "/schema-" + dialect.name() + ".sql";
    }

    static List<String> statements(SqlDialect dialect, TableName table) {
        return SqlScript.statements(resourceName(dialect), Map.of("table", table.qualified(), "name", table.name()));
    }
}
