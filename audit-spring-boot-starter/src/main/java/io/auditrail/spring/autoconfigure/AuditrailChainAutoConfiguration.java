package io.auditrail.spring.autoconfigure;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.internal.chain.CheckpointSinks;
import io.auditrail.core.internal.chain.LogKeys;
import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.spring.jdbc.ChainJobs;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * The Merkle log of the JDBC store, switched on by {@code auditrail.chain.enabled=true}: the
 * log (created before the store, whose retention then purges through it) with its keys, origin
 * prefix and grace period, the checkpoint sinks (log or file, and the witnesses), and the
 * sealing and checkpoint jobs. Every key is checked at start-up; a bad one fails it with the key
 * named. The log uses the plain {@code DataSource}: it commits its own short transactions and
 * never joins a business one.
 */
@AutoConfiguration(before = AuditrailJdbcAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnClass(JdbcAuditChain.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditrail.chain.enabled")
@ConditionalOnSink(value = SinkType.JDBC, byDefault = true)
@EnableConfigurationProperties({AuditrailProperties.class, AuditrailChainProperties.class})
public final class AuditrailChainAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CheckpointSink auditCheckpointSink(AuditrailChainProperties chain) {
        return CheckpointSinks.of(chain);
    }

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    JdbcAuditChain jdbcAuditChain(DataSource dataSource, AuditrailProperties properties,
            AuditrailChainProperties chain, CheckpointSink sink) {
        LogKeys keys = LogKeys.of(chain);
        JdbcAuditChain.Builder builder = JdbcAuditChain.builder(dataSource)
                .tableName(properties.getJdbc().getTableName())
                .initializeSchema(properties.getJdbc().getInitializeSchema())
                .validateSchema(properties.getJdbc().isValidateSchema())
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

    @Bean
    @ConditionalOnMissingBean
    ChainJobs auditChainJobs(JdbcAuditChain chain, AuditrailChainProperties properties) {
        return new ChainJobs(chain, positive(properties.getSealInterval(), "seal-interval"),
                positive(properties.getCheckpointInterval(), "checkpoint-interval"));
    }

    private static Duration positive(Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidAuditConfigurationException("auditrail.chain." + property + " must be positive but was "
                    + duration);
        }
        return duration;
    }
}
