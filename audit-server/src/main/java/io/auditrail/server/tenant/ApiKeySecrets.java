package io.auditrail.server.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes API keys and key ids, and hashes keys for storage and look-up. */
public final class ApiKeySecrets {

    /** Every API key starts with this. */
    public static final String KEY_PREFIX = "al_";
    /** Characters of a key kept in clear to recognise it in lists. */
    static final int SHOWN_PREFIX_LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    /**
     * A new key: {@code al_} and 256 random bits in URL-safe Base64.
     *
     * @return the raw key
     */
    public String newKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A new key id, which is not secret.
     *
     * @return for example {@code key_3f9a0c1d2b4e5f60}
     */
    public String newKeyId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "key_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * The stored form of a key. Keys carry 256 random bits, so an unsalted fast hash is enough
     * and lets a key be found by its hash with an index.
     *
     * @param key the raw key
     * @return lower-case hex SHA-256
     */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Compares two secrets in time that depends on neither, by comparing their hashes.
     *
     * @param presented what the client sent
     * @param expected the configured secret
     * @return whether they are equal
     */
    public static boolean constantTimeEquals(String presented, String expected) {
        byte[] a = sha256(presented.getBytes(StandardCharsets.UTF_8));
        byte[] b = sha256(expected.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(a, b);
    }
}
