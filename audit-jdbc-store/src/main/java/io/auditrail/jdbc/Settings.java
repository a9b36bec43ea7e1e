package io.auditrail.jdbc;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.internal.retention.RetentionPolicy;
import io.auditrail.jdbc.schema.TableName;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The validated configuration of one {@link JdbcAuditStore}. */
record Settings(
        TableName table,
        InitializeSchema schemaInitMode,
        Long monthlyEventLimit,
        RetentionPolicy retention,
        int exportFetchSize,
        int purgeBatchSize,
        Clock clock,
        BooleanSupplier inCallerTransaction,
        JdbcAuditChain chain,
        boolean validateSchema) {
}
