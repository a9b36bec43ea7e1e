/** Transaction awareness with Micronaut Data's JDBC transaction manager, when it is present. */
package io.auditrail.micronaut.tx;
