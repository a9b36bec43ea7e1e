package io.auditrail.spring.autoconfigure;

import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.tlog.LogCheckpointSink;
import io.auditrail.core.config.SinkType;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.spring.jdbc.ChainJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
 * The hash chain of the JDBC store, switched on by {@code auditrail.chain.enabled=true}: the
 * chain (created before the store, whose retention then purges through it), the checkpoint
 * sink, and the sealing and checkpoint jobs. The chain uses the plain {@code DataSource}: it
 * commits its own short transactions and never joins a business one.
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
        return switch (chain.getCheckpointSink()) {
            case LOG -> new LogCheckpointSink();
            case NONE -> (organizationId, checkpoint) -> {
            };
            case FILE -> {
                if (chain.getCheckpointFile() == null) {
                    throw new IllegalStateException("auditrail.chain.checkpoint-sink=file needs auditrail.chain.checkpoint-file");
                }
                yield new FileCheckpointSink(chain.getCheckpointFile());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    JdbcAuditChain jdbcAuditChain(DataSource dataSource, AuditrailProperties properties,
            AuditrailChainProperties chain, CheckpointSink sink) {
        JdbcAuditChain.Builder builder = JdbcAuditChain.builder(dataSource)
                .tableName(properties.getJdbc().getTableName())
                .initializeSchema(properties.getJdbc().getInitializeSchema())
                .validateSchema(properties.getJdbc().isValidateSchema())
                .checkpointTableName(chain.getCheckpointTableName())
                .checkpointSink(sink)
                .batchSize(chain.getBatchSize())
                .sealerThreads(chain.getSealerThreads());
        if (chain.getHmacKey() != null && !chain.getHmacKey().isBlank()) {
            builder.hmacKey(decode(chain.getHmacKey()));
        }
        String signingKey = key(chain.getSigningKey(), chain.getSigningKeyFile(), "signing-key");
        if (signingKey != null) {
            builder.signingKey(ChainKeys.privateKey(signingKey));
        }
        String publicKey = key(chain.getPublicKey(), chain.getPublicKeyFile(), "public-key");
        if (publicKey != null) {
            builder.verificationKey(ChainKeys.publicKey(publicKey));
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    ChainJobs auditChainJobs(JdbcAuditChain chain, AuditrailChainProperties properties) {
        return new ChainJobs(chain, positive(properties.getSealInterval(), "seal-interval"),
                positive(properties.getCheckpointInterval(), "checkpoint-interval"));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("auditrail.chain.hmac-key must be base64", e);
        }
    }

    private static String key(String inline, Path file, String property) {
        if (inline != null && !inline.isBlank() && file != null) {
            throw new IllegalStateException("set auditrail.chain." + property + " or auditrail.chain." + property
                    + "-file, not both");
        }
        if (file == null) {
            return inline == null || inline.isBlank() ? null : inline;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read auditrail.chain." + property + "-file " + file, e);
        }
    }

    private static Duration positive(Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalStateException("auditrail.chain." + property + " must be positive but was " + duration);
        }
        return duration;
    }
}
