package io.auditrail.core.config;

/** When the JDBC store creates its table, the values of {@code auditrail.jdbc.initialize-schema}. */
public enum InitializeSchema {
    /** Only on an embedded database (H2, HSQLDB). */
    EMBEDDED,
    /** On every database. */
    ALWAYS,
    /** Never; the application runs the shipped DDL itself. */
    NEVER
}
