package io.auditrail.jdbc.schema;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A validated table name, optionally qualified by a schema. The name is spliced into SQL
 * text (identifiers cannot be bound as parameters), so only plain unquoted identifiers pass.
 *
 * @param schema the schema, or {@code null} for the connection's default
 * @param name the unqualified table name
 */
public record TableName(@Nullable String schema, String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /**
     * Index names append up to 16 characters ({@code _org_resource_ix}) to the table name and
     * PostgreSQL cuts identifiers at 63, which could make two index names collide silently.
     */
    private static final int MAX_TABLE_NAME = 47;

    /** Validates both parts. */
    public TableName {
        if (schema != null) {
            requireIdentifier(schema, "schema");
        }
        requireIdentifier(name, "table");
        if (name != null && name.length() > MAX_TABLE_NAME) {
            throw new IllegalArgumentException("table name '" + name + "' is " + name.length()
                    + " characters long; at most " + MAX_TABLE_NAME + " leave room for the index names");
        }
    }

    /**
     * Parses {@code table} or {@code schema.table}.
     *
     * @param text the configured name
     * @return the validated name
     * @throws IllegalArgumentException when a part is not a plain SQL identifier
     */
    public static TableName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("table name must not be blank");
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new TableName(null, text);
        }
        if (text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("table name '" + text + "' may have at most one dot (schema.table)");
        }
        return new TableName(text.substring(0, dot), text.substring(dot + 1));
    }

    /**
     * The name as written in SQL.
     *
     * @return {@code schema.table} or {@code table}
     */
    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    private static void requireIdentifier(String part, String what) {
        if (part == null || !IDENTIFIER.matcher(part).matches()) {
            throw new IllegalArgumentException(what + " name '" + part + "' is not a valid SQL identifier: use"
                    + " letters, digits and underscores, starting with a letter or underscore, at most 63 characters");
        }
    }

    @Override
    public String toString() {
        return qualified();
    }
}
