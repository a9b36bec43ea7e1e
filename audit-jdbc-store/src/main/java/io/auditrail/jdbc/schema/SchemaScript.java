package io.auditrail.jdbc.schema;

import io.auditrail.jdbc.dialect.SqlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        String sql = load(resourceName(dialect))
                .replace("${table}", table.qualified())
                .replace("${name}", table.name());
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static String load(String resource) {
        try (InputStream in = SchemaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}
