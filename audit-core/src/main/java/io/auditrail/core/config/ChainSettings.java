package io.auditrail.core.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * Tamper evidence for the JDBC store, the keys under {@code auditrail.chain.*}, with their
 * defaults and descriptions. The chain lives in the table named by
 * {@code auditrail.jdbc.table-name} and its DDL follows {@code auditrail.jdbc.initialize-schema}.
 * The Spring Boot starter binds these keys; Micronaut does not have the chain yet.
 *
 * <p>A plain mutable JavaBean for the binders, like {@link AuditrailSettings}.
 */
@ConfigurationPropertiesSource
public class ChainSettings {

    /** Whether each organisation's events are sealed into a hash chain with signed checkpoints. */
    private boolean enabled = false;

    /** Base64 secret of at least 32 bytes keying the chain with HMAC-SHA256; plain SHA-256 when unset. */
    private String hmacKey;

    /** Ed25519 private key (PKCS#8, PEM or base64) signing checkpoints; checkpoints are unsigned when neither this nor signing-key-file is set. */
    private String signingKey;

    /** File holding the Ed25519 private key (PKCS#8 PEM); an alternative to signing-key. */
    private Path signingKeyFile;

    /** Ed25519 public key (X.509, PEM or base64) checking checkpoint signatures during verification. */
    private String publicKey;

    /** File holding the Ed25519 public key (X.509 PEM); an alternative to public-key. */
    private Path publicKeyFile;

    /** Delay between sealing passes. */
    private Duration sealInterval = Duration.ofSeconds(1);

    /** Delay between checkpoints of every chain head, taken also when nothing happened. */
    private Duration checkpointInterval = Duration.ofHours(1);

    /** Table holding signed checkpoints and retention anchors; a plain or schema-qualified SQL identifier. */
    private String checkpointTableName = "audit_checkpoints";

    /** Where checkpoints are exported besides the checkpoint table. */
    private CheckpointExport checkpointSink = CheckpointExport.LOG;

    /** File the file sink appends checkpoints to, one JSON line each. */
    private Path checkpointFile;

    /** Rows per sealing transaction, purge step and verification fetch. */
    private int batchSize = 500;

    /** Threads sealing side by side, each for its own share of the organisations; more help when the database has spare cores. */
    private int sealerThreads = 1;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHmacKey() {
        return hmacKey;
    }

    public void setHmacKey(String hmacKey) {
        this.hmacKey = hmacKey;
    }

    public String getSigningKey() {
        return signingKey;
    }

    public void setSigningKey(String signingKey) {
        this.signingKey = signingKey;
    }

    public Path getSigningKeyFile() {
        return signingKeyFile;
    }

    public void setSigningKeyFile(Path signingKeyFile) {
        this.signingKeyFile = signingKeyFile;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public Path getPublicKeyFile() {
        return publicKeyFile;
    }

    public void setPublicKeyFile(Path publicKeyFile) {
        this.publicKeyFile = publicKeyFile;
    }

    public Duration getSealInterval() {
        return sealInterval;
    }

    public void setSealInterval(Duration sealInterval) {
        this.sealInterval = sealInterval;
    }

    public Duration getCheckpointInterval() {
        return checkpointInterval;
    }

    public void setCheckpointInterval(Duration checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }

    public String getCheckpointTableName() {
        return checkpointTableName;
    }

    public void setCheckpointTableName(String checkpointTableName) {
        this.checkpointTableName = checkpointTableName;
    }

    public CheckpointExport getCheckpointSink() {
        return checkpointSink;
    }

    public void setCheckpointSink(CheckpointExport checkpointSink) {
        this.checkpointSink = checkpointSink;
    }

    public Path getCheckpointFile() {
        return checkpointFile;
    }

    public void setCheckpointFile(Path checkpointFile) {
        this.checkpointFile = checkpointFile;
    }

    public int getSealerThreads() {
        return sealerThreads;
    }

    public void setSealerThreads(int sealerThreads) {
        this.sealerThreads = sealerThreads;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
