package io.auditrail.micronaut.chain;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.internal.chain.ChainJobs;
import io.auditrail.core.internal.chain.CheckpointSinks;
import io.auditrail.core.internal.chain.LogKeys;
import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.auditrail.micronaut.jdbc.CallerTransactions;
import io.auditrail.micronaut.jdbc.JdbcSinkSelected;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The transparency log of the JDBC store, as the starter builds it: every {@code auditrail.chain.*}
 * key checked at start-up (a bad one fails it, naming the key), the log on the plain
 * {@code DataSource} (it commits its own short transactions and never joins a business one), and
 * core's jobs started with the context and stopped when it closes.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.chain.enabled", value = "true")
@Requires(classes = JdbcAuditChain.class)
@Requires(beans = DataSource.class)
@Requires(condition = JdbcSinkSelected.class)
class ChainFactory {

    @Singleton
    @Requires(missingBeans = CheckpointSink.class)
    CheckpointSink auditCheckpointSink(ChainConfiguration chain) {
        return CheckpointSinks.of(chain);
    }

    /** Read once, so the log and the proof endpoint's check use the same keys. */
    @Singleton
    LogKeys auditLogKeys(ChainConfiguration chain) {
        return LogKeys.of(chain);
    }

    @Singleton
    @Requires(missingBeans = JdbcAuditChain.class)
    JdbcAuditChain jdbcAuditChain(DataSource dataSource, AuditrailConfiguration configuration, ChainConfiguration chain,
            CheckpointSink sink, BeanProvider<CallerTransactions> transactions, LogKeys keys) {
        JdbcAuditChain.Builder builder = JdbcAuditChain.builder(
                        transactions.find(null).orElse(CallerTransactions.NONE).plain(dataSource))
                .tableName(configuration.getJdbc().getTableName())
                .initializeSchema(configuration.getJdbc().getInitializeSchema())
                .validateSchema(configuration.getJdbc().isValidateSchema())
                .checkpointTableName(chain.getCheckpointTableName())
                .checkpointSink(sink)
                .batchSize(chain.getBatchSize())
                .sealerThreads(chain.getSealerThreads())
                .originPrefix(keys.originPrefix())
                .verificationGrace(positive(chain.getUnsealedGracePeriod(), "unsealed-grace-period"));
        if (chain.getHmacKey() != null && !chain.getHmacKey().isBlank()) {
            builder.hmacKey(LogKeys.hmacKey(chain.getHmacKey()));
        }
        if (keys.signer() != null) {
            builder.noteSigner(keys.signer());
        }
        if (keys.verifier() != null) {
            builder.noteVerifier(keys.verifier());
        }
        return builder.build();
    }

    /** Eager: sealing starts with the context, not with a first audited call. */
    @Context
    @Bean(preDestroy = "stop")
    @Requires(missingBeans = ChainJobs.class)
    ChainJobs auditChainJobs(JdbcAuditChain chain, ChainConfiguration configuration) {
        ChainJobs jobs = new ChainJobs(sealable(chain), positive(configuration.getSealInterval(), "seal-interval"),
                positive(configuration.getCheckpointInterval(), "checkpoint-interval"));
        jobs.start();
        return jobs;
    }

    private static ChainJobs.SealableLog sealable(JdbcAuditChain chain) {
        return new ChainJobs.SealableLog() {
            @Override
            public int sealerThreads() {
                return chain.sealerThreads();
            }

            @Override
            public long sealPending() {
                return chain.sealPending();
            }

            @Override
            public long sealPending(int partition) {
                return chain.sealPending(partition);
            }

            @Override
            public Set<String> sealedOrganizations() {
                return chain.sealedOrganizations();
            }

            @Override
            public List<String> writeCheckpoints() {
                return chain.writeCheckpoints().stream().map(SignedCheckpoint::organizationId).toList();
            }

            @Override
            public List<String> writeCheckpoints(Collection<String> organizations) {
                return chain.writeCheckpoints(organizations).stream().map(SignedCheckpoint::organizationId).toList();
            }
        };
    }

    private static Duration positive(Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidAuditConfigurationException("auditrail.chain." + property + " must be positive but was "
                    + duration);
        }
        return duration;
    }
}
