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

    private final SecretKeySpec key;

    private ChainHasher(SecretKeySpec key) {
        this.key = key;
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
            if (key == null) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(prev);
                return HEX.formatHex(digest.digest(canonicalEvent));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(prev);
            return HEX.formatHex(mac.doFinal(canonicalEvent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA256", e);
        }
    }

    private static byte[] parse(String hash) {
        if (hash == null || hash.length() != 64) {
            throw new IllegalArgumentException("a chain hash has 64 hex digits but was " + hash);
        }
        return HEX.parseHex(hash);
    }
}
