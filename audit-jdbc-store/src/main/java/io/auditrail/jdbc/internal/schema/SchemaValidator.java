package io.auditrail.jdbc.internal.schema;

import io.auditrail.core.store.AuditStoreException;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.schema.SchemaValidationException;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Checks at start-up that the tables the store, the outbox and the chain write to exist with
 * every column the code uses, so a missing migration stops the application with a message
 * naming the table, what is missing and the DDL to run, instead of losing the first events.
 * Reads {@link DatabaseMetaData} only; it never changes the schema.
 */
public final class SchemaValidator {

    private static final String OPT_OUT = SchemaValidationException.OPT_OUT;

    private SchemaValidator() {
    }

    /**
     * One table some code needs.
     *
     * @param role what the table is, for the message, for example {@code "audit table"}
     * @param table the configured name
     * @param columns every column the code reads or writes, lower case
     * @param createDdl the shipped DDL that creates the table, a classpath resource
     * @param columnsDdl the shipped DDL that adds the columns, a classpath resource
     * @param createSetting how to let Auditrail run that DDL itself, for the message
     */
    public record RequiredTable(String role, TableName table, List<String> columns, String createDdl,
            String columnsDdl, String createSetting) {

        /** Copies the column list. */
        public RequiredTable {
            columns = List.copyOf(columns);
        }

        /**
         * A table created with all its columns by one DDL file.
         *
         * @param role what the table is, for the message
         * @param table the configured name
         * @param columns every column the code reads or writes, lower case
         * @param ddl the shipped DDL, a classpath resource
         * @param createSetting how to let Auditrail run that DDL itself, for the message
         */
        public RequiredTable(String role, TableName table, List<String> columns, String ddl, String createSetting) {
            this(role, table, columns, ddl, ddl, createSetting);
        }
    }

    /**
     * Checks every table and reports every problem at once.
     *
     * @param dataSource the database
     * @param dialect the database's dialect
     * @param tables the tables to check
     * @throws SchemaValidationException when a table is missing or lacks a column
     * @throws AuditStoreException when the metadata cannot be read
     */
    public static void validate(DataSource dataSource, SqlDialect dialect, List<RequiredTable> tables) {
        // MySQL and MariaDB call a schema a catalog.
        boolean catalogs = dialect.name().equals("mysql");
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (RequiredTable required : tables) {
                Set<String> present = columns(connection, catalogs, required.table());
                if (present.isEmpty()) {
                    problems.add(required.role() + " " + required.table() + " does not exist. Create it with the DDL in "
                            + resource(required.createDdl()) + " (inside the audit-jdbc-store jar; replace ${table} and"
                            + " the other placeholders), or let Auditrail create it with " + required.createSetting() + ".");
                    continue;
                }
                List<String> missing = required.columns().stream().filter(column -> !present.contains(column)).toList();
                if (!missing.isEmpty()) {
                    problems.add(required.role() + " " + required.table() + " lacks column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + ". Bring it up to date with the DDL in "
                            + resource(required.columnsDdl()) + " (inside the audit-jdbc-store jar; replace ${table} and"
                            + " the other placeholders).");
                }
            }
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read the database metadata to check Auditrail's tables; "
                    + OPT_OUT + " skips the check", e);
        }
        if (!problems.isEmpty()) {
            throw new SchemaValidationException(String.join("\n", problems));
        }
    }

    private static String resource(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** The table's columns as the database reports them, compared without case; empty when it does not exist. */
    private static Set<String> columns(Connection connection, boolean catalogs, TableName table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String name = stored(metaData, table.name());
        String container = table.schema() != null ? stored(metaData, table.schema())
                : catalogs ? connection.getCatalog() : connection.getSchema();
        Set<String> found = read(metaData, catalogs, container, name);
        if (found.isEmpty() && table.schema() == null && container != null) {
            // An unqualified name resolves through the search path, which may reach past the current schema.
            found = read(metaData, catalogs, null, name);
        }
        return found;
    }

    private static Set<String> read(DatabaseMetaData metaData, boolean catalogs, String container, String name)
            throws SQLException {
        String escape = metaData.getSearchStringEscape();
        String catalog = catalogs ? container : null;
        String schemaPattern = catalogs || container == null ? null : escaped(container, escape);
        Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        String owner = null;
        try (ResultSet rows = metaData.getColumns(catalog, schemaPattern, escaped(name, escape), "%")) {
            while (rows.next()) {
                if (!name.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    continue;
                }
                // Without a schema the same name may exist in several; the first one found is checked.
                String rowOwner = rows.getString("TABLE_CAT") + "." + rows.getString("TABLE_SCHEM");
                if (owner == null) {
                    owner = rowOwner;
                }
                if (owner.equals(rowOwner)) {
                    columns.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return columns;
    }

    /** Unquoted identifiers are stored upper case by H2 and HSQLDB, lower case by PostgreSQL, as written by MariaDB. */
    private static String stored(DatabaseMetaData metaData, String identifier) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        if (metaData.storesLowerCaseIdentifiers()) {
            return identifier.toLowerCase(Locale.ROOT);
        }
        return identifier;
    }

    /** {@code _} is a wildcard in metadata patterns, and every default table name has one. */
    private static String escaped(String identifier, String escape) {
        if (escape == null || escape.isEmpty()) {
            return identifier;
        }
        return identifier.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
