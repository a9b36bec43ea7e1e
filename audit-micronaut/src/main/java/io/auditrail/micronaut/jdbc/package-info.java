/** The JDBC store on the application's {@code DataSource}, and its retention job. */
package io.auditrail.micronaut.jdbc;
