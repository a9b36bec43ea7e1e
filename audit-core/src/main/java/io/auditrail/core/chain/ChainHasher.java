package io.auditrail.core.chain;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the links of a chain: {@code hash = H(prev_hash || canonical(event))}, where
 * {@code prev_hash} enters as its 32 raw bytes and {@code canonical} is
 * {@link AuditEventCodec#toCanonicalJson(AuditEvent)}. {@code H} is SHA-256, or HMAC-SHA256
 * when a key is given, so that whoever lacks the key cannot recompute a consistent chain.
 * Hashes are 64 lowercase hex digits. Thread-safe.
 */
public final class ChainHasher {

    /** The predecessor of the first event of every chain: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final int MIN_KEY_BYTES = 32;

    /** Looked up and keyed once; each link hashes with a clone, so the hasher stays thread-safe. */
    private final MessageDigest digestPrototype;
    private final Mac macPrototype;

    private ChainHasher(SecretKeySpec key) {
        try {
            if (key == null) {
                this.digestPrototype = MessageDigest.getInstance("SHA-256");
                this.macPrototype = null;
            } else {
                this.digestPrototype = null;
                this.macPrototype = Mac.getInstance("HmacSHA256");
                macPrototype.init(key);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA256", e);
        }
    }

    /**
     * A plain SHA-256 chain.
     *
     * @return the hasher
     */
    public static ChainHasher sha256() {
        return new ChainHasher(null);
    }

    /**
     * A keyed HMAC-SHA256 chain.
     *
     * @param key at least 32 bytes of secret
     * @return the hasher
     * @throws IllegalArgumentException when the key is shorter than 32 bytes
     */
    public static ChainHasher hmacSha256(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("chain HMAC key must have at least " + MIN_KEY_BYTES + " bytes but had "
                    + (key == null ? 0 : key.length));
        }
        return new ChainHasher(new SecretKeySpec(key.clone(), "HmacSHA256"));
    }

    /**
     * The link of one canonical event.
     *
     * @param prevHash the predecessor's hash
     * @param canonicalEvent canonical UTF-8 JSON of the event
     * @return its hash
     * @throws IllegalArgumentException when {@code prevHash} is not 64 hex digits
     */
    public String hash(String prevHash, byte[] canonicalEvent) {
        byte[] prev = parse(prevHash);
        try {
            if (digestPrototype != null) {
                MessageDigest digest = (MessageDigest) digestPrototype.clone();
                digest.update(prev);
                return HEX.formatHex(digest.digest(canonicalEvent));
            }
            Mac mac = (Mac) macPrototype.clone();
            mac.update(prev);
            return HEX.formatHex(mac.doFinal(canonicalEvent));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 or HmacSHA256 cannot be cloned", e);
        }
    }

    private static byte[] parse(String hash) {
        if (hash == null || hash.length() != 64) {
            throw new IllegalArgumentException("a chain hash has 64 hex digits but was " + hash);
        }
        return HEX.parseHex(hash);
    }
}
