package io.auditrail.jdbc.schema;

/** When the store creates its table on start-up. */
public enum SchemaInitMode {
    /** Only on an in-JVM database (H2, HSQLDB), where no migration tool manages the schema. */
    EMBEDDED,
    /** On every database, if the table does not exist yet. */
    ALWAYS,
    /** Never; the table comes from Flyway, Liquibase or a DBA, using the shipped DDL. */
    NEVER
}
