/**
 * The JDBC store inside a Spring application: transactional connections and the retention job.
 */
package io.auditrail.spring.jdbc;
