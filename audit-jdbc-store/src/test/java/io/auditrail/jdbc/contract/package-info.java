/**
 * The database contract suite, shipped in this module's test-jar:
 * {@link io.auditrail.jdbc.contract.AbstractJdbcAuditStoreContractTest} and one
 * {@link io.auditrail.jdbc.contract.DbConfig} per database, each server started once per
 * test JVM or taken from {@code AUDITRAIL_TEST_POSTGRES_URL} / {@code AUDITRAIL_TEST_MARIADB_URL}.
 */
package io.auditrail.jdbc.contract;
