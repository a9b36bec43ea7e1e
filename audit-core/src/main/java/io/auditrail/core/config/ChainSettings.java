package io.auditrail.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * Tamper evidence for the JDBC store, the keys under {@code auditrail.chain.*}, with their
 * defaults and descriptions: each organisation's events are the leaves of a Merkle log (RFC 9162)
 * with C2SP signed-note checkpoints. The log lives beside the table named by
 * {@code auditrail.jdbc.table-name} and its DDL follows {@code auditrail.jdbc.initialize-schema}.
 * The Spring Boot starter binds these keys; Micronaut does not have the log yet.
 *
 * <p>A plain mutable JavaBean for the binders, like {@link AuditrailSettings}.
 */
@ConfigurationPropertiesSource
public class ChainSettings {

    /** Whether each organisation's events are sealed into a Merkle transparency log with signed checkpoints. */
    private boolean enabled = false;

    /** Base64 secret of at least 32 bytes keying the leaf hashes with HMAC-SHA256; plain SHA-256 (RFC 9162) when unset. */
    private String hmacKey;

    /** Ed25519 private key signing checkpoints: PKCS#8 (PEM or base64), signing under the origin prefix as key name, or a C2SP note signer key (PRIVATE+KEY+name+id+key); checkpoints are unsigned when neither this nor signing-key-file is set. */
    private String signingKey;

    /** File holding the Ed25519 private key in one of the forms signing-key takes; an alternative to signing-key. */
    private Path signingKeyFile;

    /** Key checking checkpoint signatures, for verification and proofs: a C2SP note verifier key (name+id+key), as tenants and the offline verifier take it, or an Ed25519 public key (X.509, PEM or base64). */
    private String publicKey;

    /** File holding the key in one of the forms public-key takes; an alternative to public-key. */
    private Path publicKeyFile;

    /** First part of every log's origin line, {prefix}/org/{organisation}, and the key name in their signatures unless signing-key is a note signer key, which names itself; give each deployment its own, such as its host name, so its checkpoints cannot pass for another's. */
    private String originPrefix = "auditrail";

    /** How long an event may stay outside the log before verification reports it UNSEALED; longer than the longest business transaction plus seal-interval. */
    private Duration unsealedGracePeriod = Duration.ofMinutes(10);

    /** Delay between sealing passes. */
    private Duration sealInterval = Duration.ofSeconds(1);

    /** Delay between checkpoints of every organisation's log, signed also when nothing happened, so a witness sees the log is alive. */
    private Duration checkpointInterval = Duration.ofHours(1);

    /** Table holding signed checkpoints and retention anchors; a plain or schema-qualified SQL identifier. */
    private String checkpointTableName = "audit_checkpoints";

    /** Where checkpoints are exported besides the checkpoint table (and the witnesses, if any). */
    private CheckpointExport checkpointSink = CheckpointExport.LOG;

    /** File the file sink appends checkpoints to, one JSON line each. */
    private Path checkpointFile;

    /** Rows per sealing transaction, purge step and verification fetch. */
    private int batchSize = 5000;

    /** Threads sealing side by side, each for its own share of the organisations; more help when the database has spare cores. */
    private int sealerThreads = 1;

    /** Witness endpoints receiving every signed checkpoint note as a text/plain POST, outside the operator's database; https only. A failed delivery is logged and counted, never a reason to stop sealing. */
    private List<URI> witnessUrls = new ArrayList<>();

    /** Whether a witness URL may use plain http when its host is a loopback address (a witness beside the application, tests). */
    private boolean witnessAllowInsecureLoopback = false;

    /** Longest wait to connect to a witness. */
    private Duration witnessConnectTimeout = Duration.ofSeconds(5);

    /** Longest wait for a witness's whole answer. */
    private Duration witnessRequestTimeout = Duration.ofSeconds(10);

    /** Authorization header value sent with every witness POST, for example a bearer token; never logged. */
    private String witnessAuthorization;


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

    public String getOriginPrefix() {
        return originPrefix;
    }

    public void setOriginPrefix(String originPrefix) {
        this.originPrefix = originPrefix;
    }

    public Duration getUnsealedGracePeriod() {
        return unsealedGracePeriod;
    }

    public void setUnsealedGracePeriod(Duration unsealedGracePeriod) {
        this.unsealedGracePeriod = unsealedGracePeriod;
    }


    public List<URI> getWitnessUrls() {
        return witnessUrls;
    }

    public void setWitnessUrls(List<URI> witnessUrls) {
        this.witnessUrls = witnessUrls;
    }

    public boolean isWitnessAllowInsecureLoopback() {
        return witnessAllowInsecureLoopback;
    }

    public void setWitnessAllowInsecureLoopback(boolean witnessAllowInsecureLoopback) {
        this.witnessAllowInsecureLoopback = witnessAllowInsecureLoopback;
    }

    public Duration getWitnessConnectTimeout() {
        return witnessConnectTimeout;
    }

    public void setWitnessConnectTimeout(Duration witnessConnectTimeout) {
        this.witnessConnectTimeout = witnessConnectTimeout;
    }

    public Duration getWitnessRequestTimeout() {
        return witnessRequestTimeout;
    }

    public void setWitnessRequestTimeout(Duration witnessRequestTimeout) {
        this.witnessRequestTimeout = witnessRequestTimeout;
    }

    public String getWitnessAuthorization() {
        return witnessAuthorization;
    }

    public void setWitnessAuthorization(String witnessAuthorization) {
        this.witnessAuthorization = witnessAuthorization;
    }
}
