package io.auditrail.core.tlog;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Hashes an event into a leaf of the log, RFC 9162 style: {@code SHA-256(0x00 || canonical)}, where
 * {@code canonical} is {@link AuditEventCodec#toCanonicalJson(AuditEvent)}; or, keyed,
 * {@code HMAC-SHA256(key, 0x00 || canonical)}, so that whoever lacks the key cannot compute the
 * leaf of an event they forged. Interior nodes are never keyed ({@link MerkleTree#nodeHash}), so
 * proofs verify with public data once the leaf hash is known. Thread-safe.
 */
public final class LeafHasher {

    private static final int MIN_KEY_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;

    private final AuditEventCodec codec = new AuditEventCodec();
    private final @Nullable MessageDigest digestPrototype;
    private final @Nullable Mac macPrototype;

    private LeafHasher(@Nullable SecretKeySpec key) {
        try {
            this.digestPrototype = key == null ? MessageDigest.getInstance("SHA-256") : null;
            this.macPrototype = key == null ? null : Mac.getInstance("HmacSHA256");
            if (macPrototype != null) {
                macPrototype.init(key);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA256", e);
        }
    }

    /**
     * The plain RFC 9162 leaf hash.
     *
     * @return the hasher
     */
    public static LeafHasher sha256() {
        return new LeafHasher(null);
    }

    /**
     * The keyed leaf hash.
     *
     * @param key at least 32 bytes of secret
     * @return the hasher
     * @throws IllegalArgumentException when the key is shorter than 32 bytes
     */
    public static LeafHasher hmac(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the leaf HMAC key must have at least " + MIN_KEY_BYTES
                    + " bytes but had " + key.length);
        }
        return new LeafHasher(new SecretKeySpec(key.clone(), "HmacSHA256"));
    }

    /**
     * Whether leaves are keyed (HMAC) rather than plain SHA-256.
     *
     * @return {@code true} for {@link #hmac(byte[])}
     */
    public boolean keyed() {
        return macPrototype != null;
    }

    /**
     * The leaf hash of an event.
     *
     * @param event the event
     * @return 32 bytes
     */
    public byte[] leafHash(AuditEvent event) {
        return leafHash(codec.toCanonicalJson(event));
    }

    /**
     * The leaf hash of raw leaf data (for events: their canonical JSON).
     *
     * @param entry the leaf data
     * @return 32 bytes
     */
    public byte[] leafHash(byte[] entry) {
        try {
            if (macPrototype != null) {
                Mac mac = (Mac) macPrototype.clone();
                mac.update(LEAF_PREFIX);
                return mac.doFinal(entry);
            }
            MessageDigest digest = (MessageDigest) digestPrototype.clone();
            digest.update(LEAF_PREFIX);
            return digest.digest(entry);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 or HmacSHA256 cannot be cloned", e);
        }
    }
}
