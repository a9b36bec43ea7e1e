package io.auditrail.jdbc.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @Test
    void connectionAndConcurrencyFailuresAreRetryable() {
        assertThat(SqlFailures.isRetryable(new SQLException("refused", "08001"))).isTrue();
        assertThat(SqlFailures.isRetryable(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(SqlFailures.isRetryable(new SQLException("serialization", "40001"))).isTrue();
        assertThat(SqlFailures.isRetryable(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(SqlFailures.isRetryable(new SQLTimeoutException("timeout"))).isTrue();
        assertThat(SqlFailures.isRetryable(new SQLTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void dataAndSchemaErrorsAreNot() {
        assertThat(SqlFailures.isRetryable(new SQLException("too long", "22001"))).isFalse();
        assertThat(SqlFailures.isRetryable(new SQLException("not null", "23502"))).isFalse();
        assertThat(SqlFailures.isRetryable(new SQLException("no table", "42P01"))).isFalse();
        assertThat(SqlFailures.isRetryable(new SQLException("no state"))).isFalse();
    }

    @Test
    void looksAtTheChainedCauseOfABatchFailure() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "XX000", new int[0]);
        batch.setNextException(new SQLException("connection lost", "08006"));

        assertThat(SqlFailures.isRetryable(batch)).isTrue();
    }
}
